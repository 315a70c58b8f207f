// Every webview bundle the build produced (dist/webview/*.js) loads in real Chromium without an
// uncaught error and opens the conversation with a `ready` message before the host posts data.
// Every webview app (webview/<name>/main.ts) must have its bundle: a missing one fails, never skips.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { repoRoot } from '../../support/repoRoot';
import { builtWebviewBundles, closeBrowser, openWebview } from '../../../scripts/webview-harness';

after(closeBrowser);

const bundles = builtWebviewBundles();

test('every webview app has its built bundle', () => {
  const apps = readdirSync(join(repoRoot(), 'webview'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repoRoot(), 'webview', d.name, 'main.ts')))
    .map((d) => `dist/webview/${d.name}.js`).sort();
  assert.ok(apps.length > 0, 'no webview/<name>/main.ts found');
  assert.deepEqual(apps.filter((b) => !bundles.includes(b)), [], 'run npm run build');
});

for (const bundle of bundles) {
  test(`${bundle} loads without errors and posts ready first`, async () => {
    const view = await openWebview({ bundle });
    try {
      const first = await view.waitForPosted(() => true, 10_000);
      assert.equal((first as { type?: unknown }).type, 'ready', `${bundle} first posted ${JSON.stringify(first)}, expected { type: 'ready' }`);
      assert.deepEqual(view.errors, [], `${bundle} logged errors while loading`);
      await view.screenshot(`webview-${bundle.replace(/^dist\/webview\//, '').replace(/\.js$/, '')}-loaded`);
    } finally {
      await view.close();
    }
  });
}

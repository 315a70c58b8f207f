// The webview harness itself, on a tiny page of its own (fixtures/counter.html): messages both ways,
// state restore, the one-acquire rule, real canvas pixels and a screenshot.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, test } from 'node:test';
import { closeBrowser, openWebview } from '../../../scripts/webview-harness';

after(closeBrowser);

interface Shown { type: 'shown'; count: number }

test('the page says ready, renders what the host posts, and answers', async () => {
  const view = await openWebview({ htmlFile: 'test/webview/fixtures/counter.html' });
  try {
    assert.deepEqual(await view.waitForPosted((m: { type?: string }) => m.type === 'ready'), { type: 'ready', restoredCount: 0 });
    await view.post({ type: 'show', text: 'hello from the host' });
    const shown = await view.waitForPosted((m: Shown) => m.type === 'shown');
    assert.equal(shown.count, 1);
    assert.equal(await view.page.locator('#out').innerText(), 'hello from the host');
    assert.deepEqual(await view.state(), { count: 1 });
    // The canvas really drew: the first bar's pixel is the fixture's blue.
    const pixel = await view.page.locator('#bars').evaluate((c: HTMLCanvasElement) =>
      Array.from(c.getContext('2d')?.getImageData(10, 30, 1, 1).data ?? []));
    assert.deepEqual(pixel, [0, 120, 212, 255]);
    const file = await view.screenshot('webview-harness-counter');
    assert.ok(existsSync(file), `no screenshot at ${file}`);
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

test('state given to the harness is what getState() restores', async () => {
  const view = await openWebview({ htmlFile: 'test/webview/fixtures/counter.html', state: { count: 3 } });
  try {
    assert.deepEqual(await view.waitForPosted((m: { type?: string }) => m.type === 'ready'), { type: 'ready', restoredCount: 3 });
  } finally {
    await view.close();
  }
});

test('acquireVsCodeApi can be called only once, as in VS Code', async () => {
  const view = await openWebview({ htmlFile: 'test/webview/fixtures/counter.html' });
  try {
    const second = await view.page.evaluate(() => {
      try {
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi();
        return 'acquired twice';
      } catch (e) {
        return (e as Error).message;
      }
    });
    assert.match(second, /already been acquired/);
  } finally {
    await view.close();
  }
});

test('a missing bundle is reported with what to do', async () => {
  await assert.rejects(openWebview({ bundle: 'dist/webview/does-not-exist.js' }), /does-not-exist\.js does not exist: run npm run build first/);
});

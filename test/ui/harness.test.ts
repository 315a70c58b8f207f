// The UI driver's own pieces that RNN Lab's first test does not reach yet, exercised on what any
// VS Code has: Quick Open, a webview two iframes deep (the built-in Markdown preview of the
// workspace README), and element screenshots. Feature tests rely on these driver functions.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { openFile, runCommand, screenshot, session, webviewFrame } from './driver';

suite('UI driver', () => {
  test('opens a workspace file and reads a webview inside its nested iframes', async () => {
    await openFile('README.md');
    await runCommand('Markdown: Open Preview to the Side');
    const preview = await webviewFrame('h1');
    assert.equal(await preview.locator('h1').first().innerText(), 'RNN Lab practice folder');
    const file = await screenshot('ui-driver-markdown-preview', session().page.locator('iframe.webview.ready').last());
    assert.ok(existsSync(file), `no screenshot at ${file}`);
    await runCommand('View: Close All Editors');
  });
});

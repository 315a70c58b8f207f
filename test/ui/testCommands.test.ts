// A normally installed RNN Lab (the packaged .vsix, installed as a student would) has none of the
// test-only `rnnLab.internal.*` commands. VS Code's Keyboard Shortcuts editor lists every registered
// command, titled or not; a command RNN Lab registers without a title (what selecting a lesson item
// runs) shows there, which proves the search would find an internal one too.
import * as assert from 'node:assert/strict';
import { runCommand, screenshot, session, treeRows } from './driver';

const ROWS = '.keybindings-editor .keybindings-table-container .monaco-list-row';

/** Types a search into the open Keyboard Shortcuts editor; returns the rows' texts once the table shows `settled`. */
async function searchShortcuts(text: string, settled: (rows: string[]) => boolean): Promise<string[]> {
  const { page } = session();
  await page.locator('.keybindings-editor .keybindings-header .suggest-input-container').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  const deadline = Date.now() + 15_000;
  let rows: string[] = [];
  while (Date.now() < deadline) {
    rows = await page.locator(ROWS).allInnerTexts();
    if (settled(rows)) return rows;
    await page.waitForTimeout(200);
  }
  throw new Error(`the Keyboard Shortcuts search "${text}" showed: ${JSON.stringify(rows.slice(0, 5))}`);
}

suite('RNN Lab as installed from its .vsix', () => {
  test('registers no rnnLab.internal.* command', async () => {
    // Opening the lesson activates RNN Lab, which registers all its commands.
    await runCommand('RNN Lab: Open Lesson');
    await treeRows().first().waitFor({ timeout: 20_000 });
    await runCommand('Preferences: Open Keyboard Shortcuts');
    const control = await searchShortcuts('rnnLab.lesson.openItem', (rows) => rows.some((r) => r.includes('rnnLab.lesson.openItem')));
    assert.ok(control.length > 0);
    const internal = await searchShortcuts('rnnLab.internal', (rows) => !rows.some((r) => r.includes('rnnLab.lesson.openItem')));
    await screenshot('keyboard-shortcuts-no-internal-commands');
    assert.deepEqual(internal.filter((r) => /rnnLab\.internal/i.test(r)), []);
    await runCommand('View: Close All Editors');
  });
});

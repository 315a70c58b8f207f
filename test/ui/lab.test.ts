// The lab as a student meets it in the packaged extension: scaffold from the palette, make a classic
// BPTT mistake, check, and read the failure in the Problems view. Screenshots go to
// test-results/screens/lab-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerQuickInput, clearNotifications, runCommand, screenshot, session, waitForNotification, workbenchReady } from './driver';
import { repoRoot } from '../support/repoRoot';

/** The status-bar summary of the last check, e.g. "RNN Lab 3/5". */
const labStatusItem = () => session().page.locator('.statusbar-item', { hasText: /RNN Lab \d\/5/ }).first();

suite('RNN Lab lab: a failing check, seen by the student', () => {
  suiteSetup(async () => {
    await workbenchReady();
  });

  // Leave the workbench as we found it for the suites that follow: no panel, no toasts, no editors.
  suiteTeardown(async () => {
    await runCommand('View: Hide Panel').catch(() => undefined);
    await clearNotifications().catch(() => undefined);
    await runCommand('View: Close All Editors').catch(() => undefined);
  });

  test('Scaffold Lab Files asks where, writes the lab and opens rnn.ts', async () => {
    const { page, workspace } = session();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>RNN Lab: Scaffold Lab Files');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'RNN Lab: Scaffold Lab Files' }).first().click();
    await page.locator('.quick-input-widget:not(.quick-input-widget-closing) .quick-input-title', { hasText: 'where should the lab files go' })
      .waitFor({ timeout: 15_000 });
    await answerQuickInput('rnn-lab');
    await waitForNotification(/RNN Lab: wrote README\.md, rnn\.ts, tsconfig\.json into/);
    await page.locator('.tabs-container .tab.active', { hasText: 'rnn.ts' }).waitFor({ timeout: 15_000 });
    assert.ok(fs.existsSync(path.join(workspace, 'rnn-lab', 'rnn.ts')));
    await screenshot('lab-scaffolded');
  });

  test('a check of a lab with an off-by-one in dWhh shows 3/5 and the hint in Problems, at bptt', async () => {
    const { page, workspace } = session();
    const mistake = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'labs', 'mistake-off-by-one', 'rnn.ts'), 'utf8');
    fs.writeFileSync(path.join(workspace, 'rnn-lab', 'rnn.ts'), mistake);
    // The open editor picks up the change from disk.
    await page.locator('.monaco-editor .view-line', { hasText: 'Mistake: dWhh built from h_t' }).first().waitFor({ timeout: 15_000 });
    await runCommand('RNN Lab: Check Lab');
    await labStatusItem().waitFor({ timeout: 30_000 });
    assert.match(await labStatusItem().innerText(), /RNN Lab 3\/5/);

    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel .monaco-list-row');
    const bptt = problems.filter({ hasText: 'bptt: dWhh[' }).first();
    await bptt.waitFor({ timeout: 15_000 });
    const text = await bptt.innerText();
    assert.match(text, /should be .* but is/);
    assert.match(text, /off-by-one/);
    assert.match(text, /\[Ln 33, Col 17\]/);
    await screenshot('lab-failing-check-problems');
  });
});

// The plots as an instructor and a student see them in the packaged extension: the gradient plot
// offered after a check, every demo through "Step through all" (next / previous), and window
// reloads that bring the demo panel and the gradient plot back. Screenshots go to test-results/screens/plots-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator } from 'playwright-core';
import { clearNotifications, rnnLabActivityItem, runCommand, screenshot, session, webviewFrame, workbenchReady } from './driver';
import { repoRoot } from '../support/repoRoot';

const PLAN = [
  { id: 'horizon', title: /Horizon: how much of ∂L\/∂Whh/ },
  { id: 'predictThenRun', title: /Predict, then run/ },
  { id: 'train', title: /Train a plain RNN/ },
  { id: 'clipping', title: /Gradient clipping/ },
  { id: 'gating', title: /Next week: gated cells/ },
  { id: 'gradientNorms', title: /Gradient norms across time steps/ },
];

/** Clicks the row of the open quick pick whose label is exactly `label`. */
async function pickQuickItem(label: string): Promise<void> {
  const { page } = session();
  const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${label}\\s*$`) }) }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** The demo panel's content frame once it shows demo `id`. */
async function demoFrame(id: string, timeoutMs = 30_000): Promise<FrameLocator> {
  return webviewFrame(`#demo-${id}`, timeoutMs);
}

/**
 * After a window reload the extension host restarts and activates RNN Lab before a panel comes
 * back: about 10 s on a quiet machine, over a minute with several test runs sharing two cores.
 */
const AFTER_RELOAD_MS = 120_000;

suite('RNN Lab plots: the gradient plot and the demos', () => {
  suiteSetup(async () => {
    await workbenchReady();
  });

  test('after a check that fails only dWhh, the plot says what it compared, that dL/dh_t agree, and that dWhh does not', async function () {
    this.timeout(150_000);
    const { page, workspace, consoleErrors } = session();
    const errorsBefore = consoleErrors.length;
    // A lab whose only mistake is in dWhh (built from h_t instead of h_{t-1}): its dL/dh_t are right.
    const lab = path.join(workspace, 'rnn-lab');
    fs.mkdirSync(lab, { recursive: true });
    fs.copyFileSync(path.join(repoRoot(), 'test', 'fixtures', 'labs', 'mistake-off-by-one', 'rnn.ts'), path.join(lab, 'rnn.ts'));
    await clearNotifications();
    await runCommand('RNN Lab: Check Lab');
    const offer = page.locator('.notification-toast', { hasText: 'See how the gradient of your bptt' });
    await offer.waitFor({ timeout: 60_000 });
    await offer.locator('.monaco-button', { hasText: 'Show Gradient Plot' }).click();
    const frame = await webviewFrame('#gradient-chart', 30_000);
    // The student's curve arrives from the sandbox; the summary names what was compared and the
    // part the last check found wrong, which this plot cannot show.
    await frame.locator('#student-state[data-state="done"]').waitFor({ timeout: 60_000 });
    const summary = await frame.locator('#summary').innerText();
    assert.match(summary, /Compared: ‖dL\/dh_t‖ of your bptt and of the engine at each step t = 1\.\.T\./);
    assert.match(summary, /Your dL\/dh_t agree with the engine at every step; dWhh does not: see Check Lab\./);
    const headers = await frame.locator('#data-table thead th').allInnerTexts();
    assert.deepEqual(headers.slice(0, 3), ['t', 'engine (reference)', 'your bptt']);
    assert.equal(await frame.locator('#data-table tbody tr').count(), 50);
    await page.waitForTimeout(300);
    await screenshot('plots-student-gradient-plot-dWhh-fails');
    const csp = consoleErrors.slice(errorsBefore).filter((e) => /Content Security Policy/.test(e));
    assert.deepEqual(csp, [], 'the gradient plot logged CSP violations');
  });

  test('Export CSV saves where the user says, and an existing file is not replaced without asking', async function () {
    this.timeout(90_000);
    const { page, workspace } = session();
    const frame = await webviewFrame('#gradient-chart', 30_000);
    const file = path.join(workspace, 'rnn-lab', 'gradient-norms-rho0.9-T50.csv');
    fs.rmSync(file, { force: true });
    const input = page.locator('.quick-input-widget input.input');
    await frame.locator('#export-csv').click();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills in the folder first, then the suggested name.
    await page.waitForFunction(() => /gradient-norms-rho0\.9-T50\.csv$/.test(document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? ''), undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
    await frame.locator('#status', { hasText: /Saved .*gradient-norms-rho0\.9-T50\.csv/ }).waitFor({ timeout: 15_000 });
    const csv = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(csv.length, 51);
    assert.match(csv[0], /^t,engine \(reference\),your bptt/);

    // Again, to the same file: VS Code or RNN Lab asks before replacing; say no and the file stays.
    fs.writeFileSync(file, 'keep me\n');
    await frame.locator('#export-csv').click();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => /gradient-norms-rho0\.9-T50\.csv$/.test(document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? ''), undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
    const ask = page.locator('.quick-input-widget', { hasText: /already exists\. Are you sure you want to overwrite it\?/ });
    await ask.waitFor({ timeout: 15_000 });
    await screenshot('plots-export-asks-before-replacing');
    // "No": back in the save dialog, then close it too.
    for (let i = 0; i < 3 && (await page.locator('.quick-input-widget').isVisible()); i++) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
    await frame.locator('#status', { hasText: 'Export cancelled.' }).waitFor({ timeout: 15_000 });
    assert.equal(fs.readFileSync(file, 'utf8'), 'keep me\n');
  });

  test('"Run Demo…" → "Step through all" shows every demo in the plan\'s order, with next and previous', async function () {
    this.timeout(180_000);
    const { page } = session();
    // A projector layout: the demo alone, no side bar.
    await runCommand('View: Close All Editors');
    await runCommand('View: Close Primary Side Bar');
    await runCommand('RNN Lab: Run Demo…');
    await pickQuickItem('Step through all');
    for (let i = 0; i < PLAN.length; i++) {
      const step = PLAN[i];
      const frame = await demoFrame(step.id);
      assert.match(await frame.locator('#demo-title').innerText(), step.title);
      assert.match(await frame.locator('#presenter').innerText(), new RegExp(`Demo ${i + 1} of ${PLAN.length}`));
      assert.match(await frame.locator('#look-for').innerText(), /^Look for:/);
      await page.locator('.tabs-container .tab.active', { hasText: `Demo (${i + 1}/${PLAN.length})` }).waitFor({ timeout: 10_000 });
      if (step.id === 'predictThenRun') {
        await frame.locator('#choice-exponential').click();
        await frame.locator('#recorded', { hasText: 'Prediction recorded' }).waitFor();
        await frame.locator('#reveal').click();
        await frame.locator('#verdict').waitFor({ timeout: 15_000 });
        // No scrolling here: the panel itself brings the chart and the verdict into view.
        await frame.locator('#verdict').evaluate((verdict) => new Promise<void>((resolve, reject) => {
          const chart = document.getElementById('predict-chart');
          const deadline = Date.now() + 10_000;
          const check = () => {
            const v = verdict.getBoundingClientRect();
            const c = chart?.getBoundingClientRect();
            if (c && c.top >= -1 && v.bottom <= window.innerHeight + 1) return resolve();
            if (Date.now() > deadline) return reject(new Error(`verdict or chart out of view: chart top ${c?.top}, verdict bottom ${v.bottom}, height ${window.innerHeight}`));
            requestAnimationFrame(check);
          };
          check();
        }));
      }
      if (step.id === 'train') {
        await frame.locator('#play').click();
        await frame.locator('#progress', { hasText: /Step (1\d\d|[2-9]\d) \// }).waitFor({ timeout: 30_000 });
        await frame.locator('#play').click();
        await frame.locator('#play', { hasText: /Resume|Start again/ }).waitFor({ timeout: 10_000 });
      }
      if (step.id === 'clipping') await frame.locator('#fraction', { hasText: /of 200 steps \(\d+ %\)\.$/ }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      await screenshot(`plots-demo-${i + 1}-${step.id}`);
      if (i < PLAN.length - 1) await frame.locator('#next').click();
    }
    // And back one.
    const last = await demoFrame('gradientNorms');
    await last.locator('#previous').click();
    await demoFrame('gating');
    await last.locator('#next').click().catch(() => undefined);
  });

  test('"Run Demo…" started while a demo panel has focus keeps its pick when the panel takes focus back', async function () {
    this.timeout(120_000);
    const { page, consoleErrors } = session();
    await webviewFrame('#demo-title', 30_000);
    // A click low in the panel (the quick pick covers its top) puts focus into the webview.
    const box = await page.locator('iframe.webview.ready').first().boundingBox();
    assert.ok(box, 'the demo panel is on screen');
    const clickPanel = () => page.mouse.click(box.x + box.width / 2, box.y + box.height - 40);
    await clickPanel();
    await runCommand('RNN Lab: Run Demo…');
    const picker = page.locator('.quick-input-widget:not(.quick-input-widget-closing) .quick-input-title', { hasText: 'RNN Lab: Run Demo' });
    await picker.waitFor({ timeout: 15_000 });
    // The panel takes focus back (as a webview does after the palette closes): the pick must stay.
    await clickPanel();
    await page.waitForTimeout(500);
    assert.equal(await picker.isVisible(), true, 'the demo pick closed when the panel took focus');
    await pickQuickItem('Gradient norms across time steps');
    await demoFrame('gradientNorms');
    const csp = consoleErrors.filter((e) => /Content Security Policy/.test(e));
    assert.deepEqual(csp, [], 'a panel logged CSP violations');
  });

  test('a window reload brings the demo panel back, showing the same demo', async function () {
    this.timeout(300_000);
    const { page } = session();
    await runCommand('RNN Lab: Run Demo…');
    await pickQuickItem('Gradient clipping');
    await page.locator('.tabs-container .tab.active', { hasText: /^Demo: Gradient clipping/ }).waitFor({ timeout: 15_000 });
    await demoFrame('clipping');
    // VS Code's own reload (it saves the workbench state first), as a user would run it.
    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    await runCommand('Developer: Reload Window').catch(() => undefined); // the page may go away under the palette
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await rnnLabActivityItem(page).waitFor({ timeout: 120_000 });
    const frame = await demoFrame('clipping', AFTER_RELOAD_MS);
    assert.match(await frame.locator('#demo-title').innerText(), /Gradient clipping/);
    await page.locator('.tabs-container .tab', { hasText: /^Demo: Gradient clipping/ }).waitFor({ timeout: 15_000 });
    await frame.locator('#fraction', { hasText: /of 200 steps/ }).waitFor({ timeout: 60_000 });
    await screenshot('plots-demo-restored-after-reload');
  });

  test('a window reload brings the gradient plot back with its controls, its kept run and the student\'s curve', async function () {
    this.timeout(360_000);
    const { page } = session();
    await runCommand('View: Close All Editors');
    await runCommand('RNN Lab: Show Gradient Plot');
    let frame = await webviewFrame('#gradient-chart', 30_000);
    await frame.locator('#summary', { hasText: /Your dL\/dh_t agree with the engine at every step/ }).waitFor({ timeout: 60_000 });
    // Keep the T = 50 run, then switch to T = 100: two runs on the chart, 100 rows in the table.
    await frame.locator('#keep').click();
    await frame.locator('#length').click();
    await frame.locator('#length vscode-option[value="100"]').click();
    await frame.locator('#data-table tbody tr').nth(99).waitFor({ timeout: 15_000 });
    await frame.locator('#student-state[data-state="done"]').waitFor({ timeout: 45_000 });

    const reloaded = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame(), timeout: 60_000 });
    await runCommand('Developer: Reload Window').catch(() => undefined); // the page may go away under the palette
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await rnnLabActivityItem(page).waitFor({ timeout: 120_000 });
    frame = await webviewFrame('#gradient-chart', AFTER_RELOAD_MS);
    await page.locator('.tabs-container .tab', { hasText: 'RNN Lab: Gradient Plot' }).waitFor({ timeout: 15_000 });
    // The same controls and kept run (the webview's saved state), and the student's curve again
    // (after a reload the extension finds the lab by itself: no check has run in this window yet).
    assert.equal(await frame.locator('#length').evaluate((d) => (d as HTMLElement & { value: string }).value), '100');
    await frame.locator('#student-state[data-state="done"]').waitFor({ timeout: 60_000 });
    const headers = await frame.locator('#data-table thead th').allInnerTexts();
    assert.ok(headers.some((h) => /^earlier 1: engine \(ρ 0\.9 · T 50/.test(h)), `kept run restored: ${headers.join(' | ')}`);
    assert.ok(headers.includes('your bptt'), headers.join(' | '));
    assert.equal(await frame.locator('#data-table tbody tr').count(), 100);
    await page.waitForTimeout(300);
    await screenshot('plots-gradient-plot-restored-after-reload');
  });
});

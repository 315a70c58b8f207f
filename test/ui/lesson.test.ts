// The lesson sidebar as a user sees it in the packaged extension: the expanded tree, the class timer
// in the status bar with the current block highlighted, and a concept check answered through the
// palette. Screenshots go to test-results/screens/lesson-*.png.
import * as assert from 'node:assert/strict';
import {
  answerQuickInput, clearNotifications, expandRow, openFile, openPalette, runCommand, screenshot, session, sideBar, treeRowTexts, treeRows,
  waitForNotification, workbenchReady,
} from './driver';

const SECTIONS = ['Objectives', 'Lecture (3 h)', 'Practice (2 h)', 'Misconception', 'Concept checks', 'Pitfalls', 'Lab tasks', 'Takeaways', 'Course'];

/** The status-bar entry of the class timer. */
const timerItem = () => session().page.locator('.statusbar-item', { hasText: 'Lecture · ' }).first();

/** A tree row by the start of its accessible label ("<label>, <description>"). */
const rowByLabel = (start: string) => sideBar().locator(`.monaco-list-row[aria-label^="${start}"]`).first();

async function setExpanded(start: string, expanded: boolean): Promise<void> {
  const row = rowByLabel(start);
  await row.waitFor({ timeout: 10_000 });
  if ((await row.getAttribute('aria-expanded')) !== String(expanded)) await row.locator('.monaco-tl-twistie').click();
}

/**
 * Runs a palette command that opens its own picker. (The driver's runCommand waits for the palette
 * to close, which never happens when the command shows a QuickPick right away.)
 */
async function runCommandWithPicker(title: string, pickerTitle: string): Promise<void> {
  const { page } = session();
  await openPalette();
  await page.locator('.quick-input-widget input.input').fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await waitForPicker(pickerTitle);
}

/** Waits until the open QuickPick / InputBox is the one titled `title` (not the one closing before it). */
async function waitForPicker(title: string): Promise<void> {
  await session().page.locator('.quick-input-widget:not(.quick-input-widget-closing) .quick-input-title', { hasText: title })
    .waitFor({ timeout: 15_000 });
}

suite('RNN Lab lesson in the sidebar', () => {
  suiteSetup(async () => {
    await workbenchReady();
  });

  test('Open Lesson shows the nine sections; expanded, the lecture lists its blocks with times', async () => {
    await runCommand('RNN Lab: Open Lesson');
    const texts = await treeRowTexts(SECTIONS.length);
    for (const section of SECTIONS) assert.ok(texts.some((t) => t.startsWith(section)), `row "${section}" in ${JSON.stringify(texts)}`);

    await expandRow(/^Lecture \(3 h\)/);
    await treeRows('Recurrence and BPTT').first().waitFor({ timeout: 10_000 });
    await expandRow(/^Recurrence and BPTT/);
    await treeRows('weight sharing across time').first().waitFor({ timeout: 10_000 });
    const rows = await treeRowTexts(12);
    assert.ok(rows.some((t) => /Recap & retrieval\s*0:00–0:10 · 10 min/.test(t)), `recap row with its time: ${JSON.stringify(rows.slice(0, 12))}`);
    await screenshot('lesson-sidebar-expanded', sideBar());
  });

  test('a schedule bullet with a demo shows a run action on hover', async () => {
    // The list only renders rows in view: fold the lecture away first.
    await setExpanded('Lecture (3 h)', false);
    await setExpanded('Practice (2 h)', true);
    await setExpanded('Instructor demonstrations, 0:10', true);
    const bullet = treeRows('Build a plain RNN on a short sequence task').first();
    await bullet.waitFor({ timeout: 10_000 });
    await bullet.hover();
    const action = bullet.locator('.actions .action-label[aria-label="Run This Demo"]');
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot('lesson-sidebar-demo-action', sideBar());
  });

  test('the class timer shows the current block and minutes left in the status bar and highlights it', async () => {
    await setExpanded('Practice (2 h)', false);
    await runCommandWithPicker('RNN Lab: Start Class Timer', 'RNN Lab: Start Class Timer');
    await answerQuickInput('Lecture');
    await waitForPicker('Start the lecture timer');
    await answerQuickInput('30');
    const item = timerItem();
    await item.waitFor({ timeout: 10_000 });
    // Started 30 min ago on the real clock: 0:25–1:10 Recurrence and BPTT, 40 min left (39 if a minute ticks over).
    assert.match(await item.innerText(), /Lecture · Recurrence and BPTT · (40|39) min left/);
    await treeRows(/Recurrence and BPTT\s*now · (40|39) min left/).first().waitFor({ timeout: 10_000 });
    await screenshot('lesson-timer-statusbar', session().page.locator('.part.statusbar'));
    await screenshot('lesson-timer-workbench');
    await runCommand('RNN Lab: Stop Class Timer');
    await item.waitFor({ state: 'hidden', timeout: 10_000 });
  });

  test('a concept check is answered in the palette, then the answer is revealed and the sidebar shows it', async () => {
    await runCommandWithPicker('RNN Lab: Concept Check…', 'RNN Lab: Concept Check');
    // Focus moving elsewhere while the pick is open (a view or panel taking focus late, as on a busy
    // machine) must not dismiss it: click into the editor area, then answer.
    await session().page.locator('.part.editor').click({ position: { x: 400, y: 400 } });
    await waitForPicker('RNN Lab: Concept Check');
    await answerQuickInput('Next unanswered');
    await waitForPicker('Why do gradients vanish or explode');
    await answerQuickInput('BPTT multiplies by the recurrent matrix');
    const note = await waitForNotification('Concept check: Correct.');
    assert.match(note, /repeated multiplication shrinks/);
    await runCommand('RNN Lab: Open Lesson');
    await setExpanded('Lecture (3 h)', false);
    await setExpanded('Concept checks', true);
    await rowByLabel('Why do gradients vanish or explode in a plain RNN over long sequences?, answered · correct').waitFor({ timeout: 10_000 });
    await screenshot('lesson-concept-check-answered');
  });

  test('a wrong answer to the misconception says the answer once', async () => {
    await clearNotifications();
    await runCommandWithPicker('RNN Lab: Concept Check…', 'RNN Lab: Concept Check');
    await answerQuickInput('True or false: An RNN has a separate set of weights');
    await waitForPicker('True or false');
    await answerQuickInput('True');
    const note = await waitForNotification('Concept check: Not quite.');
    assert.match(note, /^Concept check: Not quite\. The answer: False\. The same weights are reused at every step/);
    assert.doesNotMatch(note, /False\.? False/);
  });

  test('lesson previews are titled after their item and stay theirs when another markdown file opens', async function () {
    this.timeout(120_000);
    const { page } = session();
    await runCommand('View: Close All Editors');
    await runCommand('RNN Lab: Open Lesson');
    await setExpanded('Concept checks', false);
    await setExpanded('Misconception', true);
    await rowByLabel('Students often think').click();
    const tab = page.locator('.tabs-container .tab', { hasText: 'Misconception: students often think' });
    await tab.waitFor({ timeout: 30_000 });
    // The README opened as the scaffold does: the lesson's preview must not turn into its preview.
    await openFile('README.md');
    await page.waitForTimeout(1_500);
    const titles = await page.locator('.tabs-container .tab .label-name').allInnerTexts();
    assert.ok(titles.some((t) => t.includes('Misconception: students often think')), `tabs: ${JSON.stringify(titles)}`);
    assert.ok(!titles.some((t) => /Preview README\.md/.test(t)), `a lesson preview became the README's: ${JSON.stringify(titles)}`);
    await screenshot('lesson-preview-titled-and-locked');
    await runCommand('View: Close All Editors');
  });
});

// The class view as an instructor meets it in the packaged extension: grade a downloaded class
// (one folder per student) from the palette, read the tables, export the gradebook as CSV.
// Screenshots go to test-results/screens/class-*.png.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand, screenshot, session, webviewFrame, workbenchReady } from './driver';
import { repoRoot } from '../support/repoRoot';

/** Student → fixture lab, each one folder deep as in a downloaded repository. */
const CLASS: Readonly<Record<string, string>> = {
  ada: 'correct-loops',
  ben: 'mistake-weights-not-shared',
  cleo: 'mistake-weights-not-shared',
  dan: 'mistake-off-by-one',
  eve: 'hostile-write-caught',
};

suite('RNN Lab class view: grading a class folder', () => {
  // The class lives outside the workspace, as a downloaded class does: inside it, its five labs
  // would be five more labs of the workspace for every later test.
  let classRoot = '';

  suiteSetup(async () => {
    await workbenchReady();
    classRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlab-ui-class-'));
  });

  suiteTeardown(async () => {
    await runCommand('View: Close All Editors').catch(() => undefined);
    fs.rmSync(classRoot, { recursive: true, force: true });
    fs.rmSync(path.join(session().workspace, 'class-grades.csv'), { force: true });
  });

  test('Grade Submissions Folder… grades every student and shows statuses, pass rates and the commonest mistake', async function () {
    this.timeout(240_000);
    const { page, workspace } = session();
    const classDir = path.join(classRoot, 'class');
    for (const [student, lab] of Object.entries(CLASS)) {
      fs.cpSync(path.join(repoRoot(), 'test', 'fixtures', 'labs', lab), path.join(classDir, student, 'lab'), { recursive: true });
    }
    await runCommand('RNN Lab: Grade Submissions Folder…');
    // VS Code's own folder dialog (a quick input in the browser): type the folder, then accept it.
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog first fills in its own starting folder (the workspace); type over it only after that.
    await page.waitForFunction((dir) => (document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? '').startsWith(dir), workspace, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await input.fill(`${classDir}/`);
    await page.waitForFunction((dir) => document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value === dir, `${classDir}/`, { timeout: 15_000 });
    await page.waitForTimeout(1000);
    await page.locator('.quick-input-widget .monaco-button', { hasText: /Grade this folder/ }).click();

    const frame = await webviewFrame('#students', 180_000);
    const rows = await frame.locator('#students tbody tr').allInnerTexts();
    assert.equal(rows.length, 5);
    assert.match(rows[0], /^ada\tPASS\tPASS\tPASS\tPASS\tPASS\t5\/5\t—$/);
    assert.match(rows[1], /^ben\tPASS\tPASS\tFAIL\tPASS\tFAIL\t3\/5\tbptt: weights-not-shared; trainStep: weights-not-shared$/);
    assert.match(rows[4], /^eve\tPASS\tPASS\tPASS\tERROR\tERROR\t3\/5/);
    // The commonest mistake first, with its pitfall and the lesson's misconception.
    const first = await frame.locator('#mistakes tbody tr').first().innerText();
    assert.match(first, /weights-not-shared/);
    assert.match(first, /^[\s\S]*\t2\t4\t/, 'two students, four task reports');
    assert.match(first, /An RNN has a separate set of weights for each time step/);
    const bptt = await frame.locator('#tasks tbody tr', { hasText: 'bptt' }).innerText();
    assert.match(bptt, /^bptt\t2\t5\t\s*40%$/);
    await screenshot('class-view');

    // Export CSV: the same file as rnn-lab grade --csv.
    const file = path.join(workspace, 'class-grades.csv');
    fs.rmSync(file, { force: true });
    await frame.locator('#export-csv').click();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForFunction(() => /class-grades\.csv$/.test(document.querySelector<HTMLInputElement>('.quick-input-widget input.input')?.value ?? ''), undefined, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).click();
    await frame.locator('#status', { hasText: /Saved .*class-grades\.csv/ }).waitFor({ timeout: 15_000 });
    const csv = fs.readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(csv[0], 'submission,rnnStep,forward,bptt,clipGradNorm,trainStep,passed,hints');
    assert.equal(csv[3], 'cleo,pass,pass,fail,pass,fail,3,bptt:weights-not-shared;trainStep:weights-not-shared');
    assert.equal(fs.existsSync(path.join(classDir, 'eve', 'lab', 'written-by-lab.txt')), false, 'the seat belt held');
  });
});

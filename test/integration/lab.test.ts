// The lab in a real VS Code: scaffold into the workspace, check it, and read what the student sees:
// diagnostics in Problems, the Testing view's results, the LabStatusStore (sidebar, status bar).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rnn-lab-edu.rnn-lab';

interface CheckReport {
  lab: string;
  tasks: { id: string; status: string; message: string; hint: string | null; location: { file: string; line: number; column: number } | null }[];
  passed: number;
  total: number;
}
interface LabState {
  labUri: string | null;
  tasks: { id: string; state: string; message: string; hint: string | null }[];
  statusBar: string;
  testResults: Record<string, string>;
  testItems: Record<string, string | null>;
  timings: { compileMs: number; totalMs: number; taskMs: Record<string, number> } | null;
}

function extensionPath(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.extensionPath;
}

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(extensionPath(), 'test', 'fixtures', 'labs', name, 'rnn.ts'), 'utf8');
}

async function check(labDir: vscode.Uri): Promise<CheckReport> {
  const report = await vscode.commands.executeCommand<CheckReport | undefined>('rnnLab.checkLab', labDir);
  assert.ok(report, 'rnnLab.checkLab returned no report');
  return report;
}

const state = (): Thenable<LabState> => vscode.commands.executeCommand<LabState>('rnnLab.internal.labState');

/** The RNN Lab diagnostics of one file, as "line:severity:code". */
function diagnosticsOf(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'RNN Lab')
    .map((d) => `${d.range.start.line + 1}:${vscode.DiagnosticSeverity[d.severity]}:${String(typeof d.code === 'object' ? d.code.value : d.code)}`)
    .sort();
}

suite('RNN Lab lab: scaffold and check in VS Code', () => {
  let labDir: vscode.Uri;
  let rnn: vscode.Uri;

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'the integration run opens a workspace folder');
    labDir = vscode.Uri.joinPath(ws.uri, `lab-${process.pid}-${Date.now()}`);
    rnn = vscode.Uri.joinPath(labDir, 'rnn.ts');
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (labDir) fs.rmSync(labDir.fsPath, { recursive: true, force: true });
  });

  test('scaffolding writes the lab and opens README.md and rnn.ts', async () => {
    const result = await vscode.commands.executeCommand<{ written: string[]; kept: string[] }>('rnnLab.scaffoldLab', labDir);
    assert.deepEqual(result.written, ['README.md', 'rnn.ts', 'tsconfig.json']);
    assert.deepEqual(result.kept, []);
    const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => (t.input instanceof vscode.TabInputText ? path.basename(t.input.uri.fsPath) : ''));
    assert.ok(open.includes('README.md'), `open tabs: ${open.join(', ')}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, rnn.fsPath);
  });

  test('the untouched scaffold checks as five todos, shown as information at each stub', async () => {
    const report = await check(labDir);
    assert.deepEqual(report.tasks.map((t) => t.status), ['todo', 'todo', 'todo', 'todo', 'todo']);
    const lines = report.tasks.map((t) => `${t.location?.line}:Information:todo`).sort();
    assert.deepEqual(diagnosticsOf(rnn), lines);
    const s = await state();
    assert.equal(s.labUri, labDir.toString());
    assert.deepEqual(s.tasks.map((t) => t.state), ['todo', 'todo', 'todo', 'todo', 'todo']);
    assert.match(s.statusBar, /RNN Lab 0\/5$/);
    assert.deepEqual(Object.values(s.testResults), ['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    assert.ok(s.timings && s.timings.totalMs > 0);
    console.log(`      first check in the extension host: ${s.timings.totalMs.toFixed(0)} ms (compile ${s.timings.compileMs.toFixed(0)} ms)`);
  });

  test('a known mistake: an error diagnostic with its hint code at bptt, a failed test, the store updated', async () => {
    fs.writeFileSync(rnn.fsPath, fixtureText('mistake-off-by-one'));
    const report = await check(labDir);
    assert.deepEqual(report.tasks.map((t) => `${t.id}:${t.status}`), ['rnnStep:pass', 'forward:pass', 'bptt:fail', 'clipGradNorm:pass', 'trainStep:fail']);
    assert.deepEqual(diagnosticsOf(rnn), ['33:Error:off-by-one', '86:Error:off-by-one']);
    const bptt = vscode.languages.getDiagnostics(rnn).find((d) => d.range.start.line === 32);
    assert.ok(bptt);
    assert.match(bptt.message, /^bptt: dWhh\[\d\]\[\d\] should be/);
    // The range covers the function's name (in the file as checked, on disk).
    const line = fs.readFileSync(rnn.fsPath, 'utf8').split('\n')[bptt.range.start.line];
    assert.equal(line.slice(bptt.range.start.character, bptt.range.end.character), 'bptt');
    const s = await state();
    assert.deepEqual(s.tasks.map((t) => `${t.state}${t.hint ? `/${t.hint}` : ''}`), ['pass', 'pass', 'fail/off-by-one', 'pass', 'fail/off-by-one']);
    assert.match(s.statusBar, /RNN Lab 3\/5$/);
    assert.deepEqual(s.testResults, { rnnStep: 'passed', forward: 'passed', bptt: 'failed', clipGradNorm: 'passed', trainStep: 'failed' });
    assert.equal(s.testItems.bptt, `${vscode.workspace.asRelativePath(rnn)}:33`);
    console.log(`      check of a failing lab: ${s.timings?.totalMs.toFixed(0)} ms (compile ${s.timings?.compileMs.toFixed(0)} ms)`);
  });

  test('scaffolding again keeps the student edits and lists them as kept', async () => {
    const before = fs.readFileSync(rnn.fsPath, 'utf8');
    fs.rmSync(vscode.Uri.joinPath(labDir, 'README.md').fsPath);
    const result = await vscode.commands.executeCommand<{ written: string[]; kept: string[] }>('rnnLab.scaffoldLab', labDir);
    assert.deepEqual(result.written, ['README.md']);
    assert.deepEqual(result.kept, ['rnn.ts', 'tsconfig.json']);
    assert.equal(fs.readFileSync(rnn.fsPath, 'utf8'), before);
  });

  test('running the tests from the Testing view checks the lab', async () => {
    fs.writeFileSync(rnn.fsPath, fixtureText('correct-loops'));
    await vscode.commands.executeCommand('testing.runAll');
    const deadline = Date.now() + 20_000;
    let s = await state();
    while (Object.values(s.testResults).some((r) => r !== 'passed') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      s = await state();
    }
    assert.deepEqual(s.testResults, { rnnStep: 'passed', forward: 'passed', bptt: 'passed', clipGradNorm: 'passed', trainStep: 'passed' });
    assert.match(s.statusBar, /RNN Lab 5\/5$/);
    assert.deepEqual(diagnosticsOf(rnn), []);
  });

  test('a lab that does not compile points at the line and column in Problems', async () => {
    fs.writeFileSync(rnn.fsPath, fixtureText('hostile-syntax-error'));
    const report = await check(labDir);
    assert.deepEqual(report.tasks.map((t) => t.status), ['error', 'error', 'error', 'error', 'error']);
    const d = vscode.languages.getDiagnostics(rnn).filter((x) => x.source === 'RNN Lab');
    assert.equal(d.length, 5);
    assert.ok(d.every((x) => x.range.start.line === 13 && x.range.start.character === 56), JSON.stringify(d.map((x) => x.range)));
  });

  test('check on save (setting rnnLab.check.onSave) re-checks the lab', async () => {
    const config = vscode.workspace.getConfiguration('rnnLab.check');
    await config.update('onSave', true, vscode.ConfigurationTarget.Global);
    try {
      const doc = await vscode.workspace.openTextDocument(rnn);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, doc.lineCount, 0), fixtureText('correct-loops')));
      await doc.save();
      const deadline = Date.now() + 20_000;
      let s = await state();
      while (s.tasks.some((t) => t.state !== 'pass') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        s = await state();
      }
      assert.deepEqual(s.tasks.map((t) => t.state), ['pass', 'pass', 'pass', 'pass', 'pass']);
    } finally {
      await config.update('onSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

// The suite entry VS Code loads as `extensionTestsPath` (the shape @vscode/test-electron expects):
// `run()` runs every out/test/integration/**/*.test.js with mocha's TDD globals inside the real
// extension host and settles when they are done. The same file serves both backends (desktop VS Code
// through @vscode/test-electron, VS Code server through code-server), see
// scripts/vscode-e2e/run-integration.mjs, which reads the result file written here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

/** Every compiled test file below this folder, in a stable order. */
function findTestFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Writes the machine-readable outcome for the outer runner (the console is only for people). */
function writeResults(file: string | undefined, records: TestRecord[], extra: Record<string, unknown>): void {
  if (!file) return;
  const passed = records.filter((r) => r.state === 'passed').length;
  const failed = records.filter((r) => r.state === 'failed').length;
  const pending = records.filter((r) => r.state === 'pending').length;
  const body = { vscodeVersion: vscode.version, appName: vscode.env.appName, passed, failed, pending, tests: records, ...extra };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2));
  fs.renameSync(`${file}.tmp`, file);
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000 });
  const files = findTestFiles(__dirname);
  for (const f of files) mocha.addFile(f);
  const resultsFile = process.env.RNN_LAB_INTEGRATION_RESULTS;
  const records: TestRecord[] = [];
  console.log(`RNN Lab integration: ${files.length} test files in VS Code ${vscode.version} (${vscode.env.appName})`);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResults(resultsFile, records, { files: files.map((f) => path.relative(__dirname, f)) });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (records.length === 0) reject(new Error('no integration tests ran'));
        else resolve();
      });
      runner.on('pass', (t) => records.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('fail', (t, err: Error) => records.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
      runner.on('pending', (t) => records.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (err) {
      // A test file that throws while loading never reaches mocha's reporter: report it as a failure.
      records.push({ title: 'loading the integration test files', state: 'failed', error: String((err as Error)?.stack ?? err) });
      writeResults(resultsFile, records, {});
      reject(err);
    }
  });
}

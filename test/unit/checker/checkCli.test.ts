import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { HINT_CODES } from '../../../src/lesson/hintCodes';
import { fixture, repoRoot } from './support';

// The BUILT command line (npm run test:unit builds dist/ first), run as a child process.
const CLI = join(repoRoot(), 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-check-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function rnnLab(...args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** Asserts the exact JSON shape of the check report (docs/cli.md) and returns it. */
function parseReport(stdout: string): { lab: string; tasks: { id: string; status: string; message: string; hint: string | null; location: unknown; parts: string[] }[]; passed: number; total: number; language: string } {
  const r = JSON.parse(stdout) as ReturnType<typeof parseReport>;
  assert.deepEqual(Object.keys(r), ['lab', 'tasks', 'passed', 'total', 'language']);
  assert.equal(r.language, 'typescript');
  assert.deepEqual(r.tasks.map((t) => t.id), [...LAB_TASK_IDS]);
  for (const t of r.tasks) {
    assert.deepEqual(Object.keys(t), ['id', 'status', 'message', 'hint', 'location', 'parts']);
    assert.ok(Array.isArray(t.parts) && t.parts.every((p) => typeof p === 'string'));
    if (t.status === 'pass') assert.deepEqual(t.parts, []);
    assert.ok(['pass', 'fail', 'error', 'timeout', 'todo'].includes(t.status));
    assert.ok(t.hint === null || (HINT_CODES as readonly string[]).includes(t.hint));
    assert.ok(t.message.length > 0);
    if (t.location !== null) {
      const loc = t.location as Record<string, unknown>;
      assert.deepEqual(Object.keys(loc), ['file', 'line', 'column']);
      assert.ok(typeof loc.line === 'number' && loc.line >= 1 && typeof loc.column === 'number' && loc.column >= 1);
    }
  }
  assert.equal(r.passed, r.tasks.filter((t) => t.status === 'pass').length);
  assert.equal(r.total, 5);
  return r;
}

describe('rnn-lab check', () => {
  test('a correct lab: exit 0, exactly one JSON object, lab as given', () => {
    const r = rnnLab('check', fixture('correct-loops'), '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const report = parseReport(r.stdout);
    assert.equal(report.lab, fixture('correct-loops'));
    assert.equal(report.passed, 5);
  });

  test('a failing lab: exit 1, hint in the JSON, a readable report with ✓ and ✗ by default', () => {
    const json = rnnLab('check', fixture('mistake-off-by-one'), '--json');
    assert.equal(json.status, 1);
    assert.equal(parseReport(json.stdout).tasks[2].hint, 'off-by-one');
    const text = rnnLab('check', fixture('mistake-off-by-one'));
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^✓ rnnStep +PASS$/m);
    assert.match(text.stdout, /^✗ bptt +FAIL \[off-by-one\] +\(rnn\.ts:33:17\)$/m);
    assert.match(text.stdout, /^3\/5 tasks pass\.$/m);
  });

  test('--timeout-ms bounds a hanging task; the others are still checked', () => {
    const r = rnnLab('check', fixture('hostile-hang-in-bptt'), '--json', '--timeout-ms', '1000');
    assert.equal(r.status, 1);
    assert.deepEqual(parseReport(r.stdout).tasks.map((t) => t.status), ['pass', 'pass', 'timeout', 'pass', 'timeout']);
    // Two budgets (trainStep calls the hanging bptt) plus start-up; generous, since the machine may be busy.
    assert.ok(r.ms < 2 * 1000 + 10_000, `${r.ms} ms`);
  });

  test('20 MB of student console output does not reach stdout: the JSON stays one object', () => {
    const r = rnnLab('check', fixture('hostile-console-flood'), '--json');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length < 10_000);
    parseReport(r.stdout);
  });

  test('--junit writes a JUnit report', () => {
    const file = join(scratch, 'junit.xml');
    const r = rnnLab('check', fixture('mistake-clip-per-parameter'), '--junit', file);
    assert.equal(r.status, 1);
    const xml = readFileSync(file, 'utf8');
    assert.match(xml, /<testsuites tests="5" failures="2" errors="0" skipped="0"/);
    assert.match(xml, /<testcase classname="rnn-lab" name="clipGradNorm" file="rnn.ts" line="\d+">\s*<failure type="clip-per-parameter" message="/);
  });

  test('exit 2 with a message on stderr: missing folder, missing rnn.ts, bad arguments', () => {
    const missing = rnnLab('check', join(scratch, 'nope'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /does not exist/);
    assert.equal(missing.stdout, '');
    const noRnn = rnnLab('check', scratch, '--json');
    assert.equal(noRnn.status, 2);
    assert.match(noRnn.stderr, /There is no rnn\.ts in/);
    assert.equal(rnnLab('check').status, 2);
    assert.match(rnnLab('check', fixture('correct-loops'), '--timeout-ms', 'soon').stderr, /--timeout-ms must be a positive whole number/);
    assert.equal(rnnLab('check', fixture('correct-loops'), '--colour').status, 2);
  });

  test('rnn-lab scaffold writes the lab, then keeps it; the scaffold checks as all todo', () => {
    const dir = join(scratch, 'lab');
    const first = rnnLab('scaffold', dir);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^wrote rnn\.ts$/m);
    assert.ok(existsSync(join(dir, 'tsconfig.json')));
    const second = rnnLab('scaffold', dir);
    assert.equal(second.status, 0);
    assert.match(second.stdout, /^kept {2}rnn\.ts \(already exists, not overwritten\)$/m);
    const r = rnnLab('check', dir, '--json');
    assert.equal(r.status, 1);
    assert.deepEqual(parseReport(r.stdout).tasks.map((t) => t.status), ['todo', 'todo', 'todo', 'todo', 'todo']);
  });
});

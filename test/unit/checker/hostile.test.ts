import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { check, fixture, summary, task, TEMPLATES } from './support';

/** Code a student can write must never break the checker: each bad task costs only itself. */
const BUDGET_MS = 1500;
// Timing is measured and reported by the benchmark, not asserted tightly here (the machine may be
// busy): these bounds only prove that a hang is cut off, far below "forever".
const SLACK_MS = 10_000;

const all = (status: string): string => LAB_TASK_IDS.map((id) => `${id}:${status}`).join(' ');

describe('hostile labs', () => {
  test('an endless loop in bptt times out bptt (and trainStep, which calls it); the rest pass', async () => {
    const t0 = performance.now();
    const report = await check(fixture('hostile-hang-in-bptt'), { timeoutMs: BUDGET_MS });
    const ms = performance.now() - t0;
    assert.equal(summary(report), 'rnnStep:pass forward:pass bptt:timeout clipGradNorm:pass trainStep:timeout');
    assert.match(task(report, 'bptt').message, /^bptt did not return within 1\.5 s on input "T = 1", so it was stopped\./);
    assert.ok(ms < 2 * BUDGET_MS + SLACK_MS, `took ${ms.toFixed(0)} ms`);
  });

  test('a task whose cases run in one request is judged case by case: a wrong early case is a fail even when a later case hangs', async () => {
    // From a correct lab: bptt doubles its loss on "T = 1" (the first case) and never returns on the
    // long sequence (a later case). Cases checked one at a time would stop at the first: so must one run.
    const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-wrong-then-hang-'));
    try {
      cpSync(fixture('correct-loops'), dir, { recursive: true });
      const file = join(dir, 'rnn.ts');
      const source = readFileSync(file, 'utf8');
      const edited = source
        .replace('  const { hs, ys } = forward(p, h0, xs);\n  const H = p.Whh.length', '  if (xs.length >= 60) for (;;) { /* hangs */ }\n  const { hs, ys } = forward(p, h0, xs);\n  const H = p.Whh.length')
        .replace('  return { loss, grads: g, dhs };', '  return { loss: xs.length === 1 ? 2 * loss : loss, grads: g, dhs };');
      assert.notEqual(edited, source);
      assert.equal(edited.split('for (;;)').length, 2, 'the hang is in bptt only');
      writeFileSync(file, edited);
      const report = await check(dir, { timeoutMs: BUDGET_MS });
      assert.match(summary(report), /^rnnStep:pass forward:pass bptt:fail\/loss-scale clipGradNorm:pass trainStep:fail/);
      assert.match(task(report, 'bptt').message, /"T = 1"/);
      // A hang on the first case still reads as a hang on that case.
      writeFileSync(file, source.replace('  const { hs, ys } = forward(p, h0, xs);\n  const H = p.Whh.length', '  for (;;) { /* hangs */ }\n  const { hs, ys } = forward(p, h0, xs);\n  const H = p.Whh.length'));
      const hanging = await check(dir, { timeoutMs: BUDGET_MS });
      assert.match(task(hanging, 'bptt').message, /^bptt did not return within 1\.5 s on input "T = 1"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an endless loop at the top level costs one budget and marks every task timeout', async () => {
    const t0 = performance.now();
    const report = await check(fixture('hostile-hang-at-top-level'), { timeoutMs: BUDGET_MS });
    assert.equal(summary(report), all('timeout'));
    assert.match(task(report, 'rnnStep').message, /Loading rnn\.ts did not finish within 1\.5 s/);
    assert.ok(performance.now() - t0 < BUDGET_MS + SLACK_MS);
  });

  test('a throwing task is an error pointing at the line that threw', async () => {
    const report = await check(fixture('hostile-throws'));
    assert.equal(summary(report), 'rnnStep:error forward:error bptt:error clipGradNorm:pass trainStep:error');
    const t = task(report, 'rnnStep');
    assert.match(t.message, /^rnnStep threw TypeError: Cannot read properties of undefined \(reading 'length'\) on input "T = 1"\. It was thrown at rnn\.ts:15:12\./);
    assert.deepEqual(t.location, { file: 'rnn.ts', line: 15, column: 12 });
  });

  test('process.exit in one task ends only its worker', async () => {
    const report = await check(fixture('hostile-process-exit'));
    assert.equal(summary(report), 'rnnStep:pass forward:pass bptt:pass clipGradNorm:error trainStep:error');
    assert.match(task(report, 'clipGradNorm').message, /exit code 3: the lab must not call process\.exit/);
  });

  // At the default limits: a lab that allocates without end is told so, not that it loops.
  test('unbounded allocation hits the memory limit, not the checker', async () => {
    const report = await check(fixture('hostile-out-of-memory'));
    assert.equal(summary(report), 'rnnStep:pass forward:error bptt:error clipGradNorm:pass trainStep:error');
    assert.match(task(report, 'forward').message, /ran out of memory/);
  });

  test('typed arrays (outside the V8 heap) are caught by the resident-memory watch', async () => {
    const report = await check(fixture('hostile-typed-array-flood'));
    assert.equal(summary(report), 'rnnStep:pass forward:error bptt:error clipGradNorm:pass trainStep:error');
    assert.match(task(report, 'forward').message, /ran out of memory/);
  });

  test('20 MB of console output is swallowed and the answers still count', async () => {
    const report = await check(fixture('hostile-console-flood'));
    assert.equal(summary(report), all('pass'));
  });

  test('async functions are reported (a Promise is not a result); a rejected promise crashes nothing', async () => {
    const report = await check(fixture('hostile-async'));
    assert.equal(summary(report), 'rnnStep:error forward:pass bptt:pass clipGradNorm:error trainStep:pass');
    assert.match(task(report, 'rnnStep').message, /rnnStep returned a Promise.*remove "async"/);
  });

  test('a syntax error is reported with file, line and column for every task', async () => {
    const report = await check(fixture('hostile-syntax-error'));
    assert.equal(summary(report), all('error'));
    for (const t of report.tasks) {
      assert.deepEqual(t.location, { file: 'rnn.ts', line: 14, column: 57 });
      assert.match(t.message, /^The lab does not compile: rnn\.ts:14:57: '\)' expected\. Fix this first/);
    }
  });

  test('a missing module and an import from outside the lab are compile errors at the import', async () => {
    const missing = await check(fixture('hostile-missing-module'));
    assert.equal(summary(missing), all('error'));
    assert.match(task(missing, 'bptt').message, /imports "\.\/vectors", but there is no vectors\.ts or vectors\/index\.ts/);
    assert.deepEqual(task(missing, 'bptt').location, { file: 'rnn.ts', line: 2, column: 21 });
    const outside = await check(fixture('hostile-outside-import'));
    assert.equal(summary(outside), all('error'));
    assert.match(task(outside, 'bptt').message, /outside the lab folder/);
  });

  test('a throw at load time is an error for every task, at its line', async () => {
    const report = await check(fixture('hostile-top-level-throw'));
    assert.equal(summary(report), all('error'));
    assert.match(task(report, 'forward').message, /^Loading rnn\.ts threw RangeError: broken at load time\./);
    assert.deepEqual(task(report, 'forward').location, { file: 'rnn.ts', line: 7, column: 7 });
  });

  test('missing exports are todo; an export that is not a function is an error', async () => {
    assert.equal(summary(await check(fixture('hostile-missing-exports'))), 'rnnStep:pass forward:pass bptt:todo clipGradNorm:todo trainStep:todo');
    const notFn = await check(fixture('hostile-not-a-function'));
    assert.equal(summary(notFn), 'rnnStep:pass forward:pass bptt:error clipGradNorm:pass trainStep:pass');
    assert.match(task(notFn, 'bptt').message, /exports bptt, but it is not a function/);
  });

  test('an empty rnn.ts and the untouched scaffold are all todo', async () => {
    assert.equal(summary(await check(fixture('hostile-empty-file'))), all('todo'));
    const scaffold = await check(TEMPLATES);
    assert.equal(summary(scaffold), all('todo'));
    assert.match(task(scaffold, 'bptt').message, /^bptt is not written yet \(it throws "TODO: bptt/);
    assert.equal(task(scaffold, 'bptt').location?.file, 'rnn.ts');
  });

  test('cancelling stops the check', async () => {
    const controller = new AbortController();
    const pending = check(fixture('hostile-hang-in-bptt'), { timeoutMs: 30_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 1500);
    const t0 = performance.now();
    await assert.rejects(pending, /cancelled/);
    assert.ok(performance.now() - t0 < SLACK_MS);
  });
});

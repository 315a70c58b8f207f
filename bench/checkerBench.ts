import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withHangingTrainStep } from './hangingLab';
import { formatNumber, median, row, type TargetRow } from './targets';

/** Per-task budget for the hang runs: short, so the bench stays short; the target scales with it. */
const HANG_BUDGET_MS = 2000;
const RUNS_PER_CORRECT_LAB = 5;
const HANG_RUNS = 2;

interface CheckRun {
  readonly wallMs: number;
  readonly compileMs: number | null;
  readonly rssMb: number | null;
  readonly exitCode: number | null;
  readonly statuses: readonly string[];
}

/**
 * `rnn-lab check` as a user runs it: the built CLI in a fresh Node process, timed from spawn to exit.
 * Correct labs (wall, compile step from `--timings`, peak RSS) and labs with a hanging task.
 */
export async function checkerBench(root: string, rssProbe: string, log: (line: string) => void): Promise<TargetRow[]> {
  const cli = path.join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || !existsSync(path.join(root, 'dist', 'checker-worker.js'))) throw new Error('dist/cli.js or dist/checker-worker.js is missing: run npm run build first');
  const labsDir = path.join(root, 'test', 'fixtures', 'labs');
  const correct = readdirSync(labsDir).filter((d) => d.startsWith('correct-')).sort();
  if (correct.length === 0) throw new Error(`no correct-* lab in ${labsDir}`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'rnn-lab-bench-'));
  try {
    const run = (lab: string, extra: string[] = []) => checkOnce(cli, rssProbe, lab, extra, path.join(scratch, 'rss'));
    const runs: CheckRun[] = [];
    for (let i = 0; i < RUNS_PER_CORRECT_LAB; i++) {
      for (const lab of correct) {
        const r = await run(path.join(labsDir, lab));
        if (r.exitCode !== 0) throw new Error(`rnn-lab check ${lab} exited ${r.exitCode} (statuses ${r.statuses.join(', ')}): a correct lab must pass`);
        runs.push(r);
      }
    }
    const walls = runs.map((r) => r.wallMs);
    const compiles = runs.map((r) => r.compileMs).filter((c): c is number => c !== null);
    const rss = runs.map((r) => r.rssMb).filter((m): m is number => m !== null);
    log(`checker: correct labs, ${runs.length} runs, median wall ${formatNumber(median(walls))} ms`);
    const rows: TargetRow[] = [
      row({
        part: 'checker', id: 'checker.correct.wall', what: `rnn-lab check on a correct lab (${correct.join(', ')}), spawn → exit, median of ${runs.length}`,
        value: median(walls), unit: 'ms', measured: `${formatNumber(median(walls))} ms (max ${formatNumber(Math.max(...walls))})`, target: '< 2000 ms', pass: median(walls) < 2000,
      }),
      row({
        part: 'checker', id: 'checker.correct.compile', what: 'compile step (`--timings`; each check compiles in a fresh compiler process), median',
        value: median(compiles), unit: 'ms', measured: `${formatNumber(median(compiles))} ms (max ${formatNumber(Math.max(...compiles))})`, target: '< 100 ms', pass: median(compiles) < 100,
      }),
      row({
        part: 'checker', id: 'checker.correct.rss', what: 'peak RSS of the check process (its compiler and worker child processes not included), max',
        value: Math.max(...rss), unit: 'MB', target: '— (reported)', pass: null,
      }),
    ];
    // One hanging task: trainStep (no other task calls it), made from the first correct lab.
    const hangTrain = path.join(scratch, 'hang-in-train-step');
    mkdirSync(hangTrain);
    writeFileSync(path.join(hangTrain, 'rnn.ts'), withHangingTrainStep(readFileSync(path.join(labsDir, correct[0], 'rnn.ts'), 'utf8')));
    rows.push(await hangRow(run, hangTrain, 'checker.hang.trainStep', 'lab with one hanging task (trainStep; made from a correct lab)', log));
    // The fixture's hanging bptt also hangs trainStep, which calls it: two budgets.
    rows.push(await hangRow(run, path.join(labsDir, 'hostile-hang-in-bptt'), 'checker.hang.bptt', 'lab whose bptt hangs (hostile-hang-in-bptt; trainStep calls bptt, so it times out too)', log));
    return rows;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function hangRow(run: (lab: string, extra?: string[]) => Promise<CheckRun>, lab: string, id: string, what: string, log: (line: string) => void): Promise<TargetRow> {
  const runs: CheckRun[] = [];
  for (let i = 0; i < HANG_RUNS; i++) runs.push(await run(lab, ['--timeout-ms', String(HANG_BUDGET_MS)]));
  const timeouts = Math.max(...runs.map((r) => r.statuses.filter((s) => s === 'timeout').length));
  const worst = Math.max(...runs.map((r) => r.wallMs));
  const limit = timeouts * HANG_BUDGET_MS + 2000;
  log(`checker: ${path.basename(lab)}, ${timeouts} task(s) timed out, worst wall ${formatNumber(worst)} ms`);
  return row({
    part: 'checker', id, what: `${what}, --timeout-ms ${HANG_BUDGET_MS}, worst of ${runs.length}`, value: worst, unit: 'ms',
    measured: `${formatNumber(worst)} ms (${timeouts} timeout${timeouts === 1 ? '' : 's'})`,
    target: `< ${timeouts} × ${HANG_BUDGET_MS} + 2000 = ${limit} ms`, pass: timeouts > 0 && worst < limit,
  });
}

function checkOnce(cli: string, rssProbe: string, lab: string, extra: readonly string[], rssFile: string): Promise<CheckRun> {
  rmSync(rssFile, { force: true });
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-r', rssProbe, cli, 'check', lab, '--json', '--timings', ...extra], {
      env: { ...process.env, RNN_LAB_BENCH_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '', err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - t0;
      const compile = /compile ([\d.]+)/.exec(err);
      let statuses: string[] = [];
      try {
        statuses = (JSON.parse(out) as { tasks: { status: string }[] }).tasks.map((t) => t.status);
      } catch {
        reject(new Error(`rnn-lab check ${lab} printed no JSON report (exit ${exitCode}): ${err.trim() || out.trim()}`));
        return;
      }
      const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      resolve({ wallMs, compileMs: compile ? Number(compile[1]) : null, rssMb: Number.isFinite(kb) ? kb / 1024 : null, exitCode, statuses });
    });
  });
}

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatNumber, row, type TargetRow } from './targets';
import { watchTreeRss } from './treeRss';

/** A class the size the target names, with a budget short enough that the hanging labs stay cheap. */
const CLASS_SIZE = 300;
const BUDGET_MS = 2000;
const JOBS = 2;
/** Submissions also checked one by one with `rnn-lab check`, for the per-core comparison. */
const ONE_BY_ONE = 20;
/** Of every 10 submissions: 4 correct, 4 with a known mistake, 2 hostile (refused access, hangs, crashes). */
const MIX = ['correct', 'mistake', 'correct', 'mistake', 'hostile', 'correct', 'mistake', 'correct', 'mistake', 'hostile'] as const;

interface Timed { readonly wallMs: number; readonly peakMb: number | null; readonly cpuSeconds: number | null; readonly exitCode: number | null; readonly stdout: string; readonly stderr: string }

/**
 * `rnn-lab grade` on 300 submissions generated from the checker's fixtures (each one folder deep, as
 * a downloaded repository has it), `--jobs 2`: wall time, peak memory of the whole process tree,
 * and throughput per core against checking a sample of the same submissions one by one.
 */
export async function gradeBench(root: string, log: (line: string) => void): Promise<TargetRow[]> {
  const cli = path.join(root, 'dist', 'cli.js');
  const labsDir = path.join(root, 'test', 'fixtures', 'labs');
  const fixtures = readdirSync(labsDir).sort();
  const pools = Object.fromEntries(MIX.map((kind) => [kind, fixtures.filter((f) => f.startsWith(`${kind}-`))])) as Record<(typeof MIX)[number], string[]>;
  const scratch = mkdtempSync(path.join(tmpdir(), 'rnn-lab-grade-bench-'));
  try {
    const classDir = path.join(scratch, 'class');
    const picked: string[] = [];
    const used = { correct: 0, mistake: 0, hostile: 0 };
    for (let i = 0; i < CLASS_SIZE; i++) {
      const kind = MIX[i % MIX.length];
      const lab = pools[kind][used[kind]++ % pools[kind].length];
      picked.push(lab);
      cpSync(path.join(labsDir, lab), path.join(classDir, `student-${String(i + 1).padStart(3, '0')}`, 'lab'), { recursive: true });
    }
    const hostile = picked.filter((l) => l.startsWith('hostile-')).length;
    const mix = `${picked.filter((l) => l.startsWith('correct-')).length} correct, ${picked.filter((l) => l.startsWith('mistake-')).length} with a mistake, ${hostile} hostile`;
    log(`grade: ${CLASS_SIZE} submissions (${mix}), --jobs ${JOBS}, --timeout-ms ${BUDGET_MS}`);
    const graded = await timed(process.execPath, [cli, 'grade', classDir, '--jobs', String(JOBS), '--timeout-ms', String(BUDGET_MS), '--json', path.join(scratch, 'grades.json')]);
    if (graded.exitCode !== 0) throw new Error(`rnn-lab grade exited ${graded.exitCode}: ${graded.stderr.trim()}`);
    const book = JSON.parse(readFileSync(path.join(scratch, 'grades.json'), 'utf8')) as { submissions: unknown[] };
    if (book.submissions.length !== CLASS_SIZE) throw new Error(`the gradebook has ${book.submissions.length} submissions, not ${CLASS_SIZE}`);
    log(`grade: ${formatNumber(graded.wallMs / 1000)} s, peak ${graded.peakMb === null ? '?' : formatNumber(graded.peakMb)} MB`);

    // The same kind of submissions, one `rnn-lab check` process at a time (the first ONE_BY_ONE of the class).
    let oneByOneMs = 0;
    let oneByOneCpu = 0;
    for (let i = 0; i < ONE_BY_ONE; i++) {
      const r = await timed(process.execPath, [cli, 'check', path.join(classDir, `student-${String(i + 1).padStart(3, '0')}`, 'lab'), '--json', '--timeout-ms', String(BUDGET_MS)]);
      oneByOneMs += r.wallMs;
      oneByOneCpu += r.cpuSeconds ?? NaN;
    }
    const gradePerCore = CLASS_SIZE / (graded.wallMs / 1000) / JOBS;
    const checkPerCore = ONE_BY_ONE / (oneByOneMs / 1000);
    log(`grade: one by one ${formatNumber(oneByOneMs / ONE_BY_ONE)} ms per submission`);
    return [
      row({
        part: 'grade', id: 'grade.class300.wall', what: `rnn-lab grade, ${CLASS_SIZE} submissions (${mix}), --jobs ${JOBS}, --timeout-ms ${BUDGET_MS}`,
        value: graded.wallMs, unit: 'ms', measured: `${formatNumber(graded.wallMs / 1000)} s`, target: '< 60 s on 2 cores', pass: graded.wallMs < 60_000,
      }),
      row({
        part: 'grade', id: 'grade.class300.peakRss', what: 'peak resident memory of the grade process and all its child processes (sampled every 100 ms)',
        value: graded.peakMb ?? NaN, unit: 'MB', target: '— (reported)', pass: null,
      }),
      row({
        part: 'grade', id: 'grade.class300.cpu', what: 'CPU time of the grade process and its child processes (user + system; ÷ 2 cores = the wall time on an idle 2-core machine)',
        value: (graded.cpuSeconds ?? NaN) * 1000, unit: 'ms', measured: `${formatNumber(graded.cpuSeconds ?? NaN)} s (${formatNumber((graded.cpuSeconds ?? NaN) / CLASS_SIZE * 1000)} ms per submission)`, target: '< 120 s (60 s × 2 cores)', pass: graded.cpuSeconds === null ? null : graded.cpuSeconds < 120,
      }),
      row({
        part: 'grade', id: 'grade.cpuPerSubmission', what: `CPU time per submission: grade over rnn-lab check one by one (first ${ONE_BY_ONE} submissions)`,
        value: oneByOneCpu / ONE_BY_ONE / ((graded.cpuSeconds ?? NaN) / CLASS_SIZE), unit: '×', measured: `${formatNumber(oneByOneCpu / ONE_BY_ONE / ((graded.cpuSeconds ?? NaN) / CLASS_SIZE))}× less (${formatNumber((graded.cpuSeconds ?? NaN) / CLASS_SIZE * 1000)} vs ${formatNumber(oneByOneCpu / ONE_BY_ONE * 1000)} ms)`, target: '— (reported)', pass: null,
      }),
      row({
        part: 'grade', id: 'grade.perCore', what: `throughput per core: grade (${CLASS_SIZE} / wall / ${JOBS} jobs) over rnn-lab check one by one (first ${ONE_BY_ONE} submissions)`,
        value: gradePerCore / checkPerCore, unit: '×', measured: `${formatNumber(gradePerCore / checkPerCore)}× (${formatNumber(gradePerCore)} vs ${formatNumber(checkPerCore)} submissions/s)`, target: '— (reported)', pass: null,
      }),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function timed(command: string, args: readonly string[]): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = watchTreeRss(child.pid ?? -1);
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ wallMs: performance.now() - t0, ...watch.stop(), exitCode, stdout, stderr }));
  });
}

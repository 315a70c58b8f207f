import { spawnSync } from 'node:child_process';
import { targetChecks } from '../src/cli/bench/benchReport';
import { timeWorkload, type WorkloadResult } from '../src/cli/bench/runBench';
import { makeWorkloads } from '../src/cli/bench/workloads';
import { hasRelaxedSimd } from '../src/engine/fast/wasm/instance';
import { formatNumber, row, type TargetRow } from './targets';

/** Set in the child run below, which times the engine in a Node started with relaxed SIMD. */
const CHILD = process.env.RNN_LAB_BENCH_FMA_CHILD === '1';

/**
 * The engine targets (docs/engine-bench.md workloads (a)–(d)), timed by the same code as `rnn-lab bench`, with
 * the plain-JS baseline measured in the same run: every row also says the speed-up over it.
 *
 * The kernels the users get: fused multiply-add where the runtime has relaxed SIMD (VS Code's
 * extension host and webviews, Node ≥ 22), plain SIMD where it has not (Node 20, where relaxed
 * SIMD is behind a flag). On such a Node both are timed: this process gives the plain-SIMD rows,
 * a child Node started with the flag the fused ones.
 */
export function engineBench(log: (line: string) => void): TargetRow[] {
  const here = hasRelaxedSimd() ? 'fused multiply-add' : 'plain SIMD, no relaxed SIMD in this Node';
  const rows = makeWorkloads().map((w) => {
    const r = timeWorkload(w, { baseline: true, minRuns: 7, budgetMs: 1500 });
    log(`engine (${w.id}) ${formatNumber(r.engine.medianMs)} ms (${here})`);
    return r;
  }).flatMap((r) => targetRows(r, here));
  if (hasRelaxedSimd() || CHILD) return rows;
  return [...rows, ...fusedRowsFromChild(log)];
}

function targetRows(r: WorkloadResult, kernels: string): TargetRow[] {
  const w = r.workload, ms = r.engine.medianMs;
  const plain = r.plainJs ? `; ${(r.plainJs.medianMs / ms).toFixed(1)}× plain JS (${formatNumber(r.plainJs.medianMs)} ms, same run)` : '';
  const tag = kernels.startsWith('fused') ? 'fma' : 'simd';
  return targetChecks(r).map((check, i) => row({
    part: 'engine', id: `engine.${w.id}.${tag}.${i}`, what: `(${w.id}) ${w.shape}: forward + BPTT, median, ${kernels}`,
    value: ms, unit: 'ms', measured: `${formatNumber(ms)} ms (CPU ${formatNumber(r.engine.cpuMedianMs)})${plain}`, target: check.label, pass: check.pass,
  }));
}

/** The same rows from a child Node with relaxed SIMD switched on (Node 20's flag). */
function fusedRowsFromChild(log: (line: string) => void): TargetRow[] {
  log('engine: timing again with fused multiply-add (a child Node with --experimental-wasm-relaxed-simd)');
  const run = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', process.argv[1], '--only', 'engine', '--json'], {
    env: { ...process.env, RNN_LAB_BENCH_FMA_CHILD: '1' }, encoding: 'utf8', maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`the fused multiply-add run failed: ${run.stderr || run.stdout}`);
  const result = JSON.parse(run.stdout) as { rows: TargetRow[]; errors: string[] };
  if (result.errors.length > 0) throw new Error(`the fused multiply-add run failed: ${result.errors.join('; ')}`);
  return result.rows;
}

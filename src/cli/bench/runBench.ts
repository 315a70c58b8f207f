import { performance } from 'node:perf_hooks';
import { createEngine, type KernelChoice } from '../../engine';
import { plainBptt } from '../../engine/reference/plainBptt';
import type { Workload } from './workloads';

export interface Timing {
  readonly medianMs: number;
  /**
   * Median CPU time of this process per run: on a machine shared with other jobs it stays near the
   * quiet machine's wall time while the wall time grows with the time spent waiting for a core.
   */
  readonly cpuMedianMs: number;
  readonly gflops: number;
  readonly runs: number;
}

export interface WorkloadResult {
  readonly workload: Workload;
  /** The engine as it runs by default (WebAssembly SIMD kernels where available). */
  readonly engine: Timing;
  /** The engine with its pure-TypeScript products (the fallback), when timed. */
  readonly engineTs?: Timing;
  /** The plain-loops baseline measured in the same run (absent when skipped). */
  readonly plainJs?: Timing;
}

/** Median wall time of `run`, after warm-up, over at least `minRuns` runs and about `budgetMs`. */
export function medianMs(run: () => void, minRuns: number, budgetMs: number): { medianMs: number; cpuMedianMs: number; runs: number } {
  // Warm-up: let the JIT compile the hot loops and the workspace reach its size.
  const warmupEnd = performance.now() + Math.min(budgetMs / 4, 300);
  let warm = 0;
  do { run(); warm++; } while (warm < 2 || (performance.now() < warmupEnd && warm < 20));
  const times: number[] = [], cpu: number[] = [];
  const end = performance.now() + budgetMs;
  while (times.length < minRuns || (performance.now() < end && times.length < 200)) {
    const t0 = performance.now(), c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { medianMs: middle(times), cpuMedianMs: middle(cpu), runs: times.length };
}

function middle(values: number[]): number {
  const s = [...values].sort((x, y) => x - y);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Forward + full BPTT of the workload with an engine of its own (its workspace reused, as a training
 * loop would, whatever the size). Validates every call, as the engine's callers do by default.
 */
export function engineRunner(w: Workload, kernels: KernelChoice = 'wasm'): () => void {
  const engine = createEngine({ kernels, retainedScratch: Infinity });
  if (w.sweep) return () => { engine.bptt(w.params, w.problems, w.loss, { each: true }); };
  const { batch, targets } = w.problems[0];
  return () => { engine.bptt(w.params, batch, targets, w.loss); };
}

/** The same work with plain loops (the sweep: one call per sequence, as a plain script would). */
export function plainRunner(w: Workload): () => void {
  return () => { for (const { batch, targets } of w.problems) plainBptt(w.params, batch, targets, w.loss); };
}

export function timeWorkload(w: Workload, options: { baseline: boolean; minRuns: number; budgetMs: number }): WorkloadResult {
  const timing = (run: () => void): Timing => {
    const m = medianMs(run, options.minRuns, options.budgetMs);
    return { ...m, gflops: w.flops / (m.medianMs * 1e6) };
  };
  const engine = timing(engineRunner(w));
  if (!options.baseline) return { workload: w, engine };
  return { workload: w, engine, engineTs: timing(engineRunner(w, 'typescript')), plainJs: timing(plainRunner(w)) };
}

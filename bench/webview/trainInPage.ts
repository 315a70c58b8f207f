// Bundled for the page by bench/webviewBench.ts: the train demo's full run (every delay, as many steps
// as the panel runs) computed in Chromium on each kernel choice, timed in the page.
import { trainDemo, TRAIN_DEFAULTS } from '../../src/demos/trainDemo';
import { createEngine, type KernelChoice } from '../../src/engine';

/** Median ms of `runs` full runs of the demo, after one untimed run. */
function timeFullRuns(kernels: KernelChoice, runs: number): { task: string; steps: number; ms: number; log: string[] }[] {
  const log: string[] = [];
  const engine = createEngine({ kernels, log: (m) => log.push(m) });
  trainDemo(engine, TRAIN_DEFAULTS);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    trainDemo(engine, TRAIN_DEFAULTS);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const task = `echo, delays ${TRAIN_DEFAULTS.delays.join(', ')} at T = ${TRAIN_DEFAULTS.T}`;
  return [{ task, steps: TRAIN_DEFAULTS.steps, ms: times[runs >> 1], log }];
}

(window as unknown as { timeFullRuns: typeof timeFullRuns }).timeFullRuns = timeFullRuns;

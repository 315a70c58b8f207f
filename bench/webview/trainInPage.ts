// Bundled for the page by bench/webviewBench.ts: the train demo's full run (300 steps, as the panel
// runs it) computed in Chromium on each kernel choice, timed in the page.
import { trainDemo, TRAIN_DEFAULTS, type TrainConfig } from '../../src/demos/trainDemo';
import { useKernels, type KernelChoice } from '../../src/engine';
import { TRAIN_MAX_STEPS } from '../../webview/demo/trainView';

const TASKS: readonly TrainConfig['task'][] = [{ task: 'echo', delay: 2 }, { task: 'echo', delay: 32 }, { task: 'adding', length: 50 }];

/** Median ms of `runs` full runs (TRAIN_MAX_STEPS steps) per task, after one untimed run. */
function timeFullRuns(kernels: KernelChoice, runs: number): { task: string; steps: number; ms: number; log: string[] }[] {
  const steps = TRAIN_MAX_STEPS;
  const log: string[] = [];
  useKernels({ kernels, log: (m) => log.push(m) });
  return TASKS.map((task) => {
    const config = { ...TRAIN_DEFAULTS, task };
    trainDemo(config, steps);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      trainDemo(config, steps);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { task: task.task === 'echo' ? `echo, delay ${task.delay}` : `adding, length ${task.length}`, steps, ms: times[runs >> 1], log };
  });
}

(window as unknown as { timeFullRuns: typeof timeFullRuns }).timeFullRuns = timeFullRuns;

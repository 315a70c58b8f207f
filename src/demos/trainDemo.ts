import {
  addingProblem, createRng, delayedEcho, forwardUnchecked, initParams, sgdStep,
  type RnnParams, type SequenceTask, type Sizes,
} from '../engine';

/** Which task the "Train a plain RNN" demo trains on, and how hard it is. */
export type TrainTaskConfig =
  | { readonly task: 'echo'; readonly delay: number }
  | { readonly task: 'adding'; readonly length: number };

export interface TrainConfig {
  readonly task: TrainTaskConfig;
  readonly seed: number;
  readonly H: number;
  readonly lr: number;
  /** Global-norm clipping threshold, so a bad step cannot wreck a live demo. */
  readonly clip: number;
  /** Sequences per batch (the same batch every step: the demo is about learning, not data). */
  readonly B: number;
}

export const TRAIN_DEFAULTS: TrainConfig = { task: { task: 'echo', delay: 2 }, seed: 1, H: 16, lr: 0.015, clip: 5, B: 32 };

/** Delays and lengths the demo offers. */
export const ECHO_DELAYS = [1, 2, 4, 8, 16, 32] as const;
export const ADDING_LENGTHS = [5, 10, 20, 50] as const;

/** One point of the live curves. */
export interface TrainPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
}

export interface TrainingRun {
  readonly config: TrainConfig;
  readonly taskName: string;
  /** Points so far, step 1 first. */
  readonly points: readonly TrainPoint[];
  /** One SGD step; returns its point (loss and accuracy at the parameters before the update). */
  step(): TrainPoint;
}

/** The echo needs the sequence to be longer than the delay; long enough to score many steps. */
function taskFor(config: TrainConfig): SequenceTask {
  const rng = createRng(config.seed);
  const t = config.task;
  return t.task === 'echo'
    ? delayedEcho({ B: config.B, T: Math.max(20, 2 * t.delay + 8), delay: t.delay }, rng)
    : addingProblem({ B: config.B, T: t.length }, rng);
}

/** A seeded training run that the demo advances step by step (live curves, pause, resume). */
export function createTrainingRun(config: TrainConfig): TrainingRun {
  const task = taskFor(config);
  const sizes: Sizes = { D: task.batch.D, H: config.H, O: task.outputSize };
  let params: RnnParams = initParams(sizes, createRng(config.seed + 1000), { scheme: 'uniform' });
  const points: TrainPoint[] = [];
  return {
    config,
    taskName: task.name,
    points,
    step() {
      const accuracy = task.accuracy(forwardUnchecked(params, task.batch, sizes).ys);
      const { params: next, record } = sgdStep(params, task.batch, task.targets, task.loss, config.lr, config.clip, sizes, points.length + 1);
      params = next;
      const point = { step: record.step, loss: record.loss, accuracy };
      points.push(point);
      return point;
    },
  };
}

/** Runs `steps` steps at once (the CLI, tests, and replaying a restored panel). */
export function trainDemo(config: TrainConfig, steps: number): TrainingRun {
  const run = createTrainingRun(config);
  for (let s = 0; s < steps; s++) run.step();
  return run;
}

export const WHY_LONG_DELAYS_FAIL =
  'To echo an input k steps later, the loss at step t must send gradient back to step t − k. BPTT ' +
  'multiplies it by Whhᵀ·diag(1 − h²) once per step, so it shrinks roughly geometrically with k: short ' +
  'delays learn, long ones barely move from guessing.';

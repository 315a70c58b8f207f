import {
  createRng, delayedEcho, initParams,
  type Engine, type Rng, type RnnParams, type SequenceTask,
} from '../engine';
import { oneTo, type Series } from './series';

/**
 * The "Train a plain RNN" demo: the delayed echo (y_t must be x_{t−k}) at several delays k, with
 * the sequence length T fixed, so only the distance the gradient must travel changes. Every step
 * trains on a FRESH batch from the task generator and the accuracy is measured on held-out
 * sequences the model never trains on: the curves show learning, not memorising one batch.
 * No clipping, so nothing but the delay differs between the runs.
 */
export interface TrainConfig {
  readonly delays: readonly number[];
  readonly T: number;
  readonly H: number;
  readonly lr: number;
  /** Sequences per training batch (a fresh batch every step). */
  readonly B: number;
  /** Held-out sequences the accuracy is measured on. */
  readonly heldOut: number;
  /** The held-out accuracy is measured before training and after every `evalEvery` steps. */
  readonly evalEvery: number;
  readonly steps: number;
  readonly seed: number;
}

export const TRAIN_DEFAULTS: TrainConfig = { delays: [1, 2, 4, 8, 16], T: 40, H: 16, lr: 0.01, B: 16, heldOut: 100, evalEvery: 10, steps: 300, seed: 1 };

/** One delay's run, advanced a step at a time. */
export interface DelayRun {
  readonly delay: number;
  /** Training loss of each step's fresh batch, at the parameters before its update. */
  readonly loss: number[];
  /** Accuracy on the held-out sequences (sign of y_t at the steps t > k), after `heldOutSteps[i]` steps. */
  readonly heldOutAccuracy: number[];
  readonly heldOutSteps: number[];
}

export interface TrainingRun {
  readonly config: TrainConfig;
  readonly runs: readonly DelayRun[];
  readonly stepsDone: number;
  readonly finished: boolean;
  /** One SGD step for every delay (no-op when finished). */
  step(): void;
}

/** The data of one delay: a seeded stream of fresh batches, and a held-out set from another seed. */
export function trainData(config: TrainConfig, delay: number): { nextBatch: () => SequenceTask; heldOut: SequenceTask } {
  const stream: Rng = createRng(config.seed * 1000 + delay);
  return {
    nextBatch: () => delayedEcho({ B: config.B, T: config.T, delay }, stream),
    heldOut: delayedEcho({ B: config.heldOut, T: config.T, delay }, createRng(config.seed * 1000 + 500 + delay)),
  };
}

/** The same start for every delay. */
export function trainStart(config: TrainConfig): RnnParams {
  return initParams({ D: 1, H: config.H, O: 1 }, createRng(config.seed), { scheme: 'uniform' });
}

export function createTrainingRun(engine: Engine, config: TrainConfig = TRAIN_DEFAULTS): TrainingRun {
  const lanes = config.delays.map((delay) => {
    const data = trainData(config, delay);
    return { delay, data, params: trainStart(config), run: { delay, loss: [] as number[], heldOutAccuracy: [] as number[], heldOutSteps: [] as number[] } };
  });
  const evaluate = (lane: (typeof lanes)[number]): void => {
    const held = lane.data.heldOut;
    lane.run.heldOutAccuracy.push(held.accuracy(engine.forward(lane.params, held.batch, { validate: false, keep: 'outputs' })));
    lane.run.heldOutSteps.push(done);
  };
  let done = 0;
  lanes.forEach(evaluate);
  return {
    config,
    runs: lanes.map((l) => l.run),
    get stepsDone() { return done; },
    get finished() { return done >= config.steps; },
    step() {
      if (done >= config.steps) return;
      done++;
      for (const lane of lanes) {
        const batch = lane.data.nextBatch();
        const { params, record } = engine.sgdStep(lane.params, batch.batch, batch.targets, batch.loss, { lr: config.lr, clip: null }, { validate: false, step: done });
        lane.params = params;
        lane.run.loss.push(record.loss);
        // Held-out accuracy is a forward pass over many sequences: measured every few steps.
        if (done % config.evalEvery === 0) evaluate(lane);
      }
    },
  };
}

/** Runs the whole schedule at once (the CLI and the tests). */
export function trainDemo(engine: Engine, config: TrainConfig = TRAIN_DEFAULTS): TrainingRun {
  const run = createTrainingRun(engine, config);
  while (!run.finished) run.step();
  return run;
}

/** The series of `rnn-lab demo --json` (docs/cli.md): `loss.delay<k>` and `heldOutAccuracy.delay<k>` for every delay. */
export function trainSeries(run: TrainingRun): Series[] {
  return [
    ...run.runs.map((r) => ({ id: `loss.delay${r.delay}`, label: `loss, delay ${r.delay}`, x: oneTo(r.loss.length), y: r.loss.slice() })),
    ...run.runs.map((r) => ({ id: `heldOutAccuracy.delay${r.delay}`, label: `held-out accuracy, delay ${r.delay}`, x: r.heldOutSteps.slice(), y: r.heldOutAccuracy.slice() })),
  ];
}

export const WHY_LONG_DELAYS_FAIL =
  'To echo an input k steps later, the loss at step t must send its gradient back to step t − k. Each step back multiplies it by ' +
  'Whhᵀ·diag(1 − h²), so what arrives from k steps away shrinks roughly geometrically with k: short delays learn, long ones stay near ' +
  'guessing (50 %).';

/** The caption under the charts: each delay's held-out accuracy at the end of the run so far. */
export function trainStory(run: TrainingRun): string {
  const { T, B, lr, heldOut } = run.config;
  const finals = run.runs.map((r) => `delay ${r.delay}: ${Math.round(100 * r.heldOutAccuracy[r.heldOutAccuracy.length - 1])} %`).join(', ');
  return (
    `T = ${T} for every delay k, a fresh batch of ${B} sequences each step, lr ${lr}, no clipping. ` +
    `Accuracy on ${heldOut} held-out sequences after ${run.stepsDone} steps: ${finals}. ${WHY_LONG_DELAYS_FAIL}`
  );
}

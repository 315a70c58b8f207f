import {
  adamConfig, adamStart, createRng, delayedEcho, gatedAdamStep, gatedBpttUnchecked, gatedBuffers,
  gatedPredictUnchecked, initGatedParams, rnnAdamStep, trainedBuffers,
  type AdamState, type Engine, type GatedParams, type LossSpec, type RnnParams, type SequenceTask, type Sizes,
} from '../engine';
import type { Series } from './series';
import { TRAIN_DEFAULTS, trainStart } from './trainDemo';

/**
 * The Week-11 preview ("gating"): the plain tanh RNN beside an LSTM (forget-gate bias 0 and 1) and
 * a GRU on the train demo's hardest task, the delayed echo with delay 16 (T = 40, H = 16).
 * - Untrained: ‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖ against the lag k, loss at the last step only.
 * - Trained: each cell trained from that start on the same fresh batches (Adam, clipped by the
 *   global norm), held-out accuracy against the step, and the same lag curve after training.
 * Gradients come from the engine (bptt for the RNN, gatedBptt for the gated cells).
 */
export const GATING_CELLS = ['rnn', 'lstm.forgetBias0', 'lstm.forgetBias1', 'gru'] as const;
export type GatingCell = (typeof GATING_CELLS)[number];

export const GATING_LABELS: Readonly<Record<GatingCell, string>> = {
  rnn: 'plain RNN', 'lstm.forgetBias0': 'LSTM, forget bias 0', 'lstm.forgetBias1': 'LSTM, forget bias 1', gru: 'GRU',
};

export interface GatingConfig {
  readonly T: number;
  readonly H: number;
  readonly delay: number;
  /** Sequences per training batch (a fresh batch every step, the same batches for every cell). */
  readonly B: number;
  /** Held-out sequences the accuracy is measured on. */
  readonly heldOut: number;
  /** Sequences of the batch the lag curves are measured on (loss at the last step only). */
  readonly probe: number;
  readonly optimizer: 'adam';
  readonly lr: number;
  /** The global-norm clipping threshold of every step. */
  readonly clip: number;
  readonly steps: number;
  readonly evalEvery: number;
  readonly seed: number;
}

export const GATING_DEFAULTS: GatingConfig = {
  T: TRAIN_DEFAULTS.T, H: TRAIN_DEFAULTS.H, delay: Math.max(...TRAIN_DEFAULTS.delays), B: TRAIN_DEFAULTS.B, heldOut: TRAIN_DEFAULTS.heldOut,
  probe: 16, optimizer: 'adam', lr: 0.01, clip: 1, steps: 150, evalEvery: 10, seed: 1,
};

const sizesOf = (c: GatingConfig): Sizes => ({ D: 1, H: c.H, O: 1 });

/**
 * Each cell's start: the plain RNN is the train demo's (U(±√(3/fanIn)), zero biases); the gated cells
 * the usual default (every weight U(±1/√H), biases 0), the two LSTMs with the same weights and
 * forget-gate biases 0 and 1.
 */
export function gatingStart(cell: GatingCell, c: GatingConfig): RnnParams | GatedParams {
  if (cell === 'rnn') return trainStart({ ...TRAIN_DEFAULTS, H: c.H, seed: c.seed });
  const kind = cell === 'gru' ? 'gru' : 'lstm';
  return initGatedParams(kind, sizesOf(c), createRng(c.seed * 100 + (kind === 'gru' ? 2 : 1)), { forgetBias: cell === 'lstm.forgetBias1' ? 1 : 0 });
}

/** The data: a seeded stream of fresh training batches (the same for every cell), a held-out set and the probe batch. */
export function gatingData(c: GatingConfig): { nextBatch: () => SequenceTask; heldOut: SequenceTask; probe: SequenceTask } {
  const stream = createRng(c.seed * 1000 + c.delay);
  return {
    nextBatch: () => delayedEcho({ B: c.B, T: c.T, delay: c.delay }, stream),
    heldOut: delayedEcho({ B: c.heldOut, T: c.T, delay: c.delay }, createRng(c.seed * 1000 + 500 + c.delay)),
    probe: delayedEcho({ B: c.probe, T: c.T, delay: c.delay }, createRng(c.seed * 1000 + 900 + c.delay)),
  };
}

/** The probe's loss: the echo's squared error at the last step only, so the lag curve starts at 1 for k = 0. */
export const LAST_STEP: LossSpec = { kind: 'mse', at: 'last' };

/** ‖∂L/∂h_t‖ for t = 1..T on the probe batch, loss at t = T. */
export function hiddenGradNormsOn(engine: Engine, p: RnnParams | GatedParams, probe: SequenceTask): Float64Array {
  return 'cell' in p
    ? gatedBpttUnchecked(p, probe.batch, probe.targets, LAST_STEP).hiddenGradNorms
    : engine.bptt(p, probe.batch, probe.targets, LAST_STEP, { validate: false }).hiddenGradNorms;
}

/** ‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖ for k = 0..T−1 (index k). */
export function ratioByLag(norms: ArrayLike<number>): number[] {
  const T = norms.length;
  return Array.from({ length: T }, (_, k) => norms[T - 1 - k] / norms[T - 1]);
}

export function heldOutAccuracyOf(engine: Engine, p: RnnParams | GatedParams, task: SequenceTask): number {
  return task.accuracy('cell' in p ? gatedPredictUnchecked(p, task.batch) : engine.forward(p, task.batch, { validate: false, keep: 'outputs' }));
}

/** One cell's training, advanced a step at a time. */
export interface CellRun {
  readonly cell: GatingCell;
  /** The lag curve at the start (k = 0..T−1). */
  readonly initRatio: number[];
  /** Training loss of each step's fresh batch, at the parameters before its update. */
  readonly loss: number[];
  /** Whether clipping rescaled the step's gradient. */
  readonly clipped: boolean[];
  readonly heldOutAccuracy: number[];
  readonly heldOutSteps: number[];
  /** The lag curve at the current parameters. */
  trainedRatio(): number[];
}

export interface GatingRun {
  readonly config: GatingConfig;
  readonly runs: readonly CellRun[];
  readonly stepsDone: number;
  readonly finished: boolean;
  /** One Adam step for every cell (no-op when finished). */
  step(): void;
}

interface Lane {
  params: RnnParams | GatedParams;
  state: AdamState;
  readonly run: CellRun & { loss: number[]; clipped: boolean[]; heldOutAccuracy: number[]; heldOutSteps: number[] };
}

export function createGatingRun(engine: Engine, c: GatingConfig = GATING_DEFAULTS): GatingRun {
  const data = gatingData(c);
  const adam = adamConfig(c.lr);
  let done = 0;
  const lanes: Lane[] = GATING_CELLS.map((cell) => {
    const params = gatingStart(cell, c);
    const lane: Lane = {
      params,
      state: adamStart('cell' in params ? gatedBuffers(params) : trainedBuffers(params)),
      run: {
        cell, initRatio: ratioByLag(hiddenGradNormsOn(engine, params, data.probe)), loss: [], clipped: [], heldOutAccuracy: [], heldOutSteps: [],
        trainedRatio: () => ratioByLag(hiddenGradNormsOn(engine, lane.params, data.probe)),
      },
    };
    return lane;
  });
  const evaluate = (lane: Lane): void => {
    lane.run.heldOutAccuracy.push(heldOutAccuracyOf(engine, lane.params, data.heldOut));
    lane.run.heldOutSteps.push(done);
  };
  lanes.forEach(evaluate);
  return {
    config: c,
    runs: lanes.map((l) => l.run),
    get stepsDone() { return done; },
    get finished() { return done >= c.steps; },
    step() {
      if (done >= c.steps) return;
      done++;
      const batch = data.nextBatch();
      for (const lane of lanes) {
        const p = lane.params;
        const r = 'cell' in p
          ? gatedAdamStep(p, lane.state, batch.batch, batch.targets, batch.loss, adam, c.clip)
          : rnnAdamStep(engine, p, lane.state, batch.batch, batch.targets, batch.loss, adam, c.clip);
        lane.params = r.params;
        lane.state = r.state;
        lane.run.loss.push(r.record.loss);
        lane.run.clipped.push(r.record.clipped);
        if (done % c.evalEvery === 0 || done === c.steps) evaluate(lane);
      }
    },
  };
}

/** Runs the whole schedule at once (the CLI and the tests). */
export function gatingDemo(engine: Engine, c: GatingConfig = GATING_DEFAULTS): GatingRun {
  const run = createGatingRun(engine, c);
  while (!run.finished) run.step();
  return run;
}

/** 0, 1, …, T − 1: the lags of the curves. */
export function lags(T: number): number[] {
  return Array.from({ length: T }, (_, k) => k);
}

/**
 * The series of `rnn-lab demo gating --json` (docs/cli.md): `init.<cell>` and `trained.<cell>`
 * against the lag k = 0..T−1, `heldOutAccuracy.<cell>` against the training step (from 0).
 */
export function gatingSeries(run: GatingRun): Series[] {
  const T = run.config.T;
  return [
    ...run.runs.map((r) => ({ id: `init.${r.cell}`, label: `${GATING_LABELS[r.cell]}, untrained`, x: lags(T), y: r.initRatio.slice() })),
    ...run.runs.map((r) => ({ id: `trained.${r.cell}`, label: `${GATING_LABELS[r.cell]}, after ${run.stepsDone} steps`, x: lags(T), y: r.trainedRatio() })),
    ...run.runs.map((r) => ({ id: `heldOutAccuracy.${r.cell}`, label: `held-out accuracy, ${GATING_LABELS[r.cell]}`, x: r.heldOutSteps.slice(), y: r.heldOutAccuracy.slice() })),
  ];
}

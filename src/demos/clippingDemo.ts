import {
  createRng, delayedEcho, initParams,
  type Engine, type RnnParams, type SequenceTask,
} from '../engine';
import { oneTo, type Series } from './series';

/**
 * The "Gradient clipping" demo: an exploding gradient that really grows THROUGH TIME. Whh = ρ·Q
 * with ρ > 1 and a small Wxh keep the tanh units near their linear range at the start, so each
 * step back multiplies ∂L/∂h_t by about ρ: the loss at step T reaches step 1 amplified. The task
 * needs memory (the output at step T must echo the input `delay` steps earlier), the loss is taken
 * at the last step only and the learning rate is small enough for the output layer alone to be
 * stable (lr·H < 2 with |h| ≤ 1), so the only thing that can throw training off is the recurrent
 * gradient. Both runs start from the same weights and see the same batch; one clips by the global
 * norm at `threshold`.
 */
export interface ClippingOptions {
  readonly radius: number;
  /** Wxh is drawn N(0, 1/D) and then multiplied by this, so the units start unsaturated. */
  readonly inputWeightScale: number;
  readonly T: number;
  readonly delay: number;
  readonly B: number;
  readonly H: number;
  readonly lr: number;
  readonly threshold: number;
  readonly steps: number;
  readonly seed: number;
}

export const CLIPPING_DEFAULTS: ClippingOptions = {
  radius: 1.2, inputWeightScale: 0.01, T: 40, delay: 3, B: 32, H: 8, lr: 0.24, threshold: 0.5, steps: 200, seed: 3,
};

/** One training run, step by step: what the panel draws and the CLI prints. */
export interface ClippedRun {
  /** The loss at each step's parameters (before its update). */
  readonly loss: number[];
  /** The global gradient norm at each step, before clipping. */
  readonly gradNorm: number[];
  /** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ at each step: how much the gradient grew (>1) or shrank on its way back. */
  readonly horizonRatio: number[];
  /** Mean |h_t| over the batch and the steps t = 1..T: near 1 means saturated units. */
  readonly meanAbsH: number[];
  /** Whether step s was clipped (index s − 1). */
  readonly clipped: boolean[];
}

export interface ClippingResult {
  readonly options: ClippingOptions;
  readonly unclipped: ClippedRun;
  readonly clipped: ClippedRun;
}

/** The echo task with its loss at the last step only: y_T must be x_{T−delay}. */
export function clippingTask(o: ClippingOptions): SequenceTask {
  const echo = delayedEcho({ B: o.B, T: o.T, delay: o.delay }, createRng(o.seed));
  return { ...echo, name: `echo of the input ${o.delay} steps before the last`, loss: { kind: 'mse', at: 'last' } };
}

/** The shared start: Whh = ρ·Q, Wxh scaled down so that tanh works near its linear range. */
export function clippingStart(o: ClippingOptions): RnnParams {
  const p = initParams({ D: 1, H: o.H, O: 1 }, createRng(o.seed + 1), { scheme: 'gaussian', whh: { kind: 'scaled-orthogonal', radius: o.radius } });
  for (let i = 0; i < p.Wxh.data.length; i++) p.Wxh.data[i] *= o.inputWeightScale;
  return p;
}

class RunInProgress {
  readonly loss: number[] = [];
  readonly gradNorm: number[] = [];
  readonly horizonRatio: number[] = [];
  readonly meanAbsH: number[] = [];
  readonly clipped: boolean[] = [];

  constructor(private readonly engine: Engine, private p: RnnParams, private readonly task: SequenceTask, private readonly lr: number, private readonly clip: number | null) {}

  step(): void {
    const { batch, targets, loss } = this.task;
    // What the class looks at besides the loss: how far the gradient travels, and whether tanh saturates.
    const norms = this.engine.bptt(this.p, batch, targets, loss, { validate: false }).hiddenGradNorms;
    this.horizonRatio.push(norms[0] / norms[batch.T - 1]);
    this.meanAbsH.push(meanAbsHidden(this.engine.forward(this.p, batch, { validate: false }).hs, batch.B * this.p.Whh.rows));
    const update = { lr: this.lr, clip: this.clip };
    const { params, record } = this.engine.sgdStep(this.p, batch, targets, loss, update, { validate: false, step: this.loss.length + 1 });
    this.p = params;
    this.loss.push(record.loss);
    this.gradNorm.push(record.gradNorm);
    this.clipped.push(record.clipped);
  }

  snapshot(): ClippedRun {
    return {
      loss: this.loss.slice(), gradNorm: this.gradNorm.slice(), horizonRatio: this.horizonRatio.slice(),
      meanAbsH: this.meanAbsH.slice(), clipped: this.clipped.slice(),
    };
  }
}

/** Mean |h| over hs without its first `skip` entries (h_0 of every sequence). */
function meanAbsHidden(hs: Float64Array, skip: number): number {
  let s = 0;
  for (let i = skip; i < hs.length; i++) s += Math.abs(hs[i]);
  return s / (hs.length - skip);
}

/** Both runs side by side, advanced together; `result()` at any point gives the curves so far. */
export interface ClippingTraining {
  readonly options: ClippingOptions;
  readonly stepsDone: number;
  readonly finished: boolean;
  /** Advances both runs by one step (no-op when finished). */
  step(): void;
  result(): ClippingResult;
}

export function createClippingTraining(engine: Engine, options: ClippingOptions = CLIPPING_DEFAULTS): ClippingTraining {
  const p0 = clippingStart(options);
  const task = clippingTask(options);
  const unclipped = new RunInProgress(engine, p0, task, options.lr, null);
  const clipped = new RunInProgress(engine, p0, task, options.lr, options.threshold);
  return {
    options,
    get stepsDone() { return clipped.loss.length; },
    get finished() { return clipped.loss.length >= options.steps; },
    step() {
      if (clipped.loss.length >= options.steps) return;
      unclipped.step();
      clipped.step();
    },
    result: () => ({ options, unclipped: unclipped.snapshot(), clipped: clipped.snapshot() }),
  };
}

export function clippingDemo(engine: Engine, options: ClippingOptions = CLIPPING_DEFAULTS): ClippingResult {
  const training = createClippingTraining(engine, options);
  while (!training.finished) training.step();
  return training.result();
}

/** The first step whose loss is +Infinity, and the first whose loss is NaN (null when none). */
export function nonFiniteSteps(loss: readonly number[]): { infinity: number | null; nan: number | null } {
  const inf = loss.findIndex((l) => l === Infinity);
  const nan = loss.findIndex((l) => Number.isNaN(l));
  return { infinity: inf < 0 ? null : inf + 1, nan: nan < 0 ? null : nan + 1 };
}

/** The series of `rnn-lab demo --json` (docs/cli.md): ids `loss.unclipped`, `gradNorm.clipped`, `horizonRatio.unclipped`, … */
export function clippingSeries(r: ClippingResult): Series[] {
  const runs = [['unclipped', 'without clipping', r.unclipped], ['clipped', `clipped at ${r.options.threshold}`, r.clipped]] as const;
  const out: Series[] = [];
  for (const [quantity, what] of [
    ['loss', 'loss'], ['gradNorm', 'global gradient norm (before clipping)'],
    ['horizonRatio', '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖'], ['meanAbsH', 'mean |h|'],
  ] as const) {
    for (const [run, runLabel, data] of runs) {
      out.push({ id: `${quantity}.${run}`, label: `${what}, ${runLabel}`, x: oneTo(data[quantity].length), y: data[quantity].slice() });
    }
  }
  return out;
}

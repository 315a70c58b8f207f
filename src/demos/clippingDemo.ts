import { createRng, delayedEcho, initParams, sgdStep, type RnnParams, type SequenceTask, type Sizes } from '../engine';
import { oneTo, type Series } from './series';

/**
 * The "Gradient clipping" demo: one exploding setup (Whh = ρ·Q with ρ > 1 and a learning rate that
 * is too large for it) trained twice from the same start — without clipping, and with clipping by
 * the global norm at `threshold`.
 */
export interface ClippingOptions {
  readonly radius: number;
  readonly lr: number;
  readonly threshold: number;
  readonly steps: number;
  readonly H: number;
  readonly seed: number;
}

export const CLIPPING_DEFAULTS: ClippingOptions = { radius: 1.5, lr: 0.05, threshold: 20, steps: 150, H: 16, seed: 3 };

export interface ClippedRun {
  /** Loss per step (NaN once the weights have overflowed). */
  readonly loss: Series;
  /** Global gradient norm per step, before clipping. */
  readonly gradNorm: Series;
  /** Whether step s was clipped (index s − 1). */
  readonly clipped: boolean[];
  /** The first step whose loss is not finite, or null. */
  readonly firstNonFiniteStep: number | null;
}

export interface ClippingResult {
  readonly options: ClippingOptions;
  readonly unclipped: ClippedRun;
  readonly clipped: ClippedRun;
  /** Fraction of the clipped run's steps (so far) whose norm exceeded the threshold. */
  readonly fractionClipped: number;
}

/** One of the two training runs, advanced a step at a time (the panel animates it). */
class RunInProgress {
  readonly loss: number[] = [];
  readonly norm: number[] = [];
  readonly clipped: boolean[] = [];
  private p: RnnParams;

  constructor(p0: RnnParams, private readonly task: SequenceTask, private readonly sizes: Sizes, private readonly lr: number, private readonly clip: number | null) {
    this.p = p0;
  }

  step(): void {
    const s = this.loss.length + 1;
    const { params, record } = sgdStep(this.p, this.task.batch, this.task.targets, this.task.loss, this.lr, this.clip, this.sizes, s);
    this.p = params;
    this.loss.push(record.loss);
    this.norm.push(record.gradNorm);
    this.clipped.push(record.clipped);
  }

  result(label: string): ClippedRun {
    const bad = this.loss.findIndex((l) => !Number.isFinite(l));
    const x = oneTo(this.loss.length);
    return {
      loss: { label, x, y: this.loss.slice() },
      gradNorm: { label, x, y: this.norm.slice() },
      clipped: this.clipped.slice(),
      firstNonFiniteStep: bad < 0 ? null : bad + 1,
    };
  }
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

export function createClippingTraining(options: ClippingOptions = CLIPPING_DEFAULTS): ClippingTraining {
  const sizes: Sizes = { D: 1, H: options.H, O: 1 };
  const p0 = initParams(sizes, createRng(options.seed + 1), { scheme: 'gaussian', whh: { kind: 'scaled-orthogonal', radius: options.radius } });
  const task = delayedEcho({ B: 16, T: 30, delay: 3 }, createRng(options.seed));
  const unclipped = new RunInProgress(p0, task, sizes, options.lr, null);
  const clipped = new RunInProgress(p0, task, sizes, options.lr, options.threshold);
  return {
    options,
    get stepsDone() { return clipped.loss.length; },
    get finished() { return clipped.loss.length >= options.steps; },
    step() {
      if (clipped.loss.length >= options.steps) return;
      unclipped.step();
      clipped.step();
    },
    result() {
      const c = clipped.result(`clipped at ${options.threshold}`);
      const done = Math.max(1, c.clipped.length);
      return { options, unclipped: unclipped.result('without clipping'), clipped: c, fractionClipped: c.clipped.filter(Boolean).length / done };
    },
  };
}

export function clippingDemo(options: ClippingOptions = CLIPPING_DEFAULTS): ClippingResult {
  const training = createClippingTraining(options);
  while (!training.finished) training.step();
  return training.result();
}

import { createRng, delayedEcho, sgdStep, type RnnParams, type Sizes } from '../engine';
import { paramsWithScaledOrthogonalWhh } from './scaledWhh';
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
  /** Fraction of the clipped run's steps whose norm exceeded the threshold. */
  readonly fractionClipped: number;
}

function train(p0: RnnParams, sizes: Sizes, options: ClippingOptions, clip: number | null, label: string): ClippedRun {
  const task = delayedEcho({ B: 16, T: 30, delay: 3 }, createRng(options.seed));
  let p = p0;
  const loss: number[] = [], norm: number[] = [], clipped: boolean[] = [];
  for (let s = 1; s <= options.steps; s++) {
    const { params, record } = sgdStep(p, task.batch, task.targets, task.loss, options.lr, clip, sizes, s);
    p = params;
    loss.push(record.loss);
    norm.push(record.gradNorm);
    clipped.push(record.clipped);
  }
  const bad = loss.findIndex((l) => !Number.isFinite(l));
  const x = oneTo(options.steps);
  return {
    loss: { label, x, y: loss },
    gradNorm: { label, x, y: norm },
    clipped,
    firstNonFiniteStep: bad < 0 ? null : bad + 1,
  };
}

export function clippingDemo(options: ClippingOptions = CLIPPING_DEFAULTS): ClippingResult {
  const sizes: Sizes = { D: 1, H: options.H, O: 1 };
  const p0 = paramsWithScaledOrthogonalWhh(sizes, createRng(options.seed + 1), options.radius);
  const unclipped = train(p0, sizes, options, null, 'without clipping');
  const clipped = train(p0, sizes, options, options.threshold, `clipped at ${options.threshold}`);
  const fractionClipped = clipped.clipped.filter(Boolean).length / options.steps;
  return { options, unclipped, clipped, fractionClipped };
}

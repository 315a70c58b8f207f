import { requireFiniteNumber, EngineInputError } from './errors';
import { cloneGrads, trainedBuffer, trainedBuffers, TRAINED_PARAMETERS, type RnnGrads, type TrainedParameter } from './params';
import { sumOfSquares } from './tensor';

/**
 * The GLOBAL norm: sqrt(Σ over every entry of all five gradients of entry²), one number for the
 * model. Over some of the parameters only (e.g. ['Why', 'by'], the output layer; or one of them,
 * its own norm) when `parameters` names them.
 */
export function globalNorm(g: RnnGrads, parameters: readonly TrainedParameter[] = TRAINED_PARAMETERS): number {
  let s = 0;
  for (const name of parameters) s += sumOfSquares(trainedBuffer(g, name));
  return Math.sqrt(s);
}

/** What the clipping rule decides for a gradient of global norm `norm`. */
export interface ClipDecision {
  /** The factor every gradient entry is multiplied by: maxNorm / norm when clipped, else 1. */
  readonly scale: number;
  readonly clipped: boolean;
}

/**
 * The one clipping rule (clipping by the global norm), used by clipByGlobalNorm and by every
 * training step: rescale by maxNorm / norm when the norm exceeds maxNorm STRICTLY (a norm exactly at
 * the threshold is left alone), so the direction is kept and the new norm is maxNorm.
 * A non-finite norm (NaN or Infinity) is never rescaled: clipping cannot rescue NaN or Infinity
 * (maxNorm / ∞ would turn every finite entry into 0 and every infinite one into NaN), so the
 * gradient passes unchanged and the caller sees the non-finite norm it reports.
 */
export function clipDecision(norm: number, maxNorm: number): ClipDecision {
  if (!Number.isFinite(norm) || !(norm > maxNorm)) return { scale: 1, clipped: false };
  return { scale: maxNorm / norm, clipped: true };
}

/** What clipping did: the global norm before and after, and whether it rescaled. */
export interface ClipReport {
  readonly grads: RnnGrads;
  readonly normBefore: number;
  readonly normAfter: number;
  readonly clipped: boolean;
}

/**
 * Gradient clipping by the GLOBAL norm (see clipDecision). Returns new gradients; the input is not
 * modified.
 */
export function clipByGlobalNorm(grads: RnnGrads, maxNorm: number): ClipReport {
  requireFiniteNumber('maxNorm', maxNorm);
  if (maxNorm <= 0) throw new EngineInputError('maxNorm', `must be positive, got ${maxNorm}`);
  const normBefore = globalNorm(grads);
  const { scale, clipped } = clipDecision(normBefore, maxNorm);
  const out = cloneGrads(grads);
  if (!clipped) return { grads: out, normBefore, normAfter: normBefore, clipped };
  for (const buf of trainedBuffers(out)) {
    for (let i = 0; i < buf.length; i++) buf[i] *= scale;
  }
  return { grads: out, normBefore, normAfter: globalNorm(out), clipped };
}

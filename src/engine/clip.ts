import { globalNorm } from './bptt';
import { requireFiniteNumber, EngineInputError } from './errors';
import { cloneGrads, trainedBuffers, type RnnGrads } from './params';

/** What clipping did: the global norm before and after, and whether it rescaled. */
export interface ClipReport {
  readonly grads: RnnGrads;
  readonly normBefore: number;
  readonly normAfter: number;
  readonly clipped: boolean;
}

/**
 * Gradient clipping by the GLOBAL norm: one norm over all five gradients; when it exceeds maxNorm
 * (strictly), every entry is multiplied by maxNorm / norm, so the direction is kept. Under the
 * threshold nothing changes. Returns new gradients; the input is not modified.
 */
export function clipByGlobalNorm(grads: RnnGrads, maxNorm: number): ClipReport {
  requireFiniteNumber('maxNorm', maxNorm);
  if (maxNorm <= 0) throw new EngineInputError('maxNorm', `must be positive, got ${maxNorm}`);
  const normBefore = globalNorm(grads);
  if (!Number.isFinite(normBefore)) {
    throw new EngineInputError('grads', `have a non-finite global norm (${normBefore}); clipping cannot rescue NaN or Infinity`);
  }
  const out = cloneGrads(grads);
  if (!(normBefore > maxNorm)) return { grads: out, normBefore, normAfter: normBefore, clipped: false };
  const scale = maxNorm / normBefore;
  for (const buf of trainedBuffers(out)) {
    for (let i = 0; i < buf.length; i++) buf[i] *= scale;
  }
  return { grads: out, normBefore, normAfter: globalNorm(out), clipped: true };
}

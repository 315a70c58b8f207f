/**
 * What clipping by the global norm does on the plot's problem: it rescales the five parameter
 * gradients after backpropagation (never ∂L/∂h_t), all by the same factor, so their global norm
 * drops to the threshold and the direction is kept.
 */
import { clipByGlobalNorm, globalNorm, TRAINED_PARAMETERS, type RnnGrads, type TrainedParameter } from '../../src/engine';

export interface ClippingReadout {
  readonly threshold: number | null;
  /** ‖g‖ over all five gradients, before clipping. */
  readonly normBefore: number;
  /** ‖g‖ after clipping (equal to normBefore when the threshold is not exceeded or not set). */
  readonly normAfter: number;
  /** threshold / normBefore when clipping acts, else 1. */
  readonly factor: number;
  /** Each parameter's gradient norm before and after, in TRAINED_PARAMETERS order. */
  readonly perParameter: readonly { readonly name: TrainedParameter; readonly before: number; readonly after: number }[];
}

/** grads: the five parameter gradients straight out of backpropagation. */
export function clippingReadout(grads: RnnGrads, threshold: number | null): ClippingReadout {
  // A huge threshold leaves the gradients as they are: the same report without a special case.
  const report = clipByGlobalNorm(grads, threshold ?? Number.MAX_VALUE);
  return {
    threshold,
    normBefore: report.normBefore,
    normAfter: report.normAfter,
    factor: report.clipped ? report.normAfter / report.normBefore : 1,
    perParameter: TRAINED_PARAMETERS.map((name) => ({ name, before: globalNorm(grads, [name]), after: globalNorm(report.grads, [name]) })),
  };
}

import type { RnnGrads, Sizes } from './params';

/** What one forward + backward pass through time produces (every BPTT of the engine returns this). */
export interface BpttResult {
  /** L = (1/B) Σ_b Σ_{t in the loss} ℓ(y_t, target_t). */
  readonly loss: number;
  /**
   * ‖dL/dh_t‖ for t = 1..T (index t−1): the Frobenius norm over the B×H matrix of the TOTAL
   * derivative — through y_t and through every later step. This is what the lesson plots.
   */
  readonly hiddenGradNorms: Float64Array;
  /** dL/dθ for the five trained parameters. Shared weights: summed over every step. */
  readonly grads: RnnGrads;
  /** The global norm: sqrt of the sum of squares of every entry of all five gradients. */
  readonly gradNorm: number;
  /** dL/dh_t itself, `[((t − 1)·B + b)·H + j]`, when asked for (bptt's `hiddenGrads` option). */
  readonly hiddenGrads?: Float64Array;
}

/**
 * Everything the forward pass computed, time-major so each step's B×H block is contiguous:
 * `hs[(t·B + b)·H + j]` is h_t of sequence b for t = 0..T (t = 0 is h0);
 * `ys[((t − 1)·B + b)·O + k]` is y_t of sequence b for t = 1..T.
 */
export interface ForwardTrace {
  readonly B: number;
  readonly T: number;
  readonly sizes: Sizes;
  readonly hs: Float64Array;
  readonly ys: Float64Array;
}

import type { GatedGrads } from './params';

/** What one forward + backward pass through a gated cell produces (the plain BpttResult, plus dL/dc_t). */
export interface GatedBpttResult {
  /** L = (1/B) Σ_b Σ_{t in the loss} ℓ(y_t, target_t). */
  readonly loss: number;
  /** ‖dL/dh_t‖ for t = 1..T (index t − 1): one Frobenius norm over the batch of the TOTAL derivative. */
  readonly hiddenGradNorms: Float64Array;
  /** LSTM: ‖dL/dc_t‖ for t = 1..T, the same for the TOTAL derivative by the cell state; null for the GRU. */
  readonly cellGradNorms: Float64Array | null;
  /** dL/dθ for Wx, Wh, b, Why, by. Shared weights: summed over every step. */
  readonly grads: GatedGrads;
  /** The global norm over the five gradients. */
  readonly gradNorm: number;
}

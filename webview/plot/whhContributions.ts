/**
 * ∂L/∂Whh as the sum of one contribution per step (the weights are shared across time):
 *   δ_t = ∂L/∂h_t ⊙ (1 − h_t²),   contribution_t = δ_t·h_{t−1}ᵀ,   ∂L/∂Whh = Σ_{t=1..T} contribution_t.
 * Built from any ∂L/∂h_t (the engine's or the student's dhs) and the forward states, so the plot can
 * show that the student's own dhs add up to the student's own dWhh, and to the engine's.
 */
import { sumOfSquares } from '../../src/engine';

export interface WhhContributions {
  /** ‖contribution_t‖ (Frobenius) for t = 1..T, index t − 1; for an outer product it is ‖δ_t‖·‖h_{t−1}‖. */
  readonly norms: number[];
  /** Σ_t contribution_t, H×H row-major. */
  readonly sum: Float64Array;
}

/**
 * hs: h_0..h_T (T + 1 states, h_0 the initial one); dhs: ∂L/∂h_1..∂L/∂h_T (the lab's dhs, where
 * dhs[t−1] belongs to step t). Every vector has H entries.
 */
export function whhContributions(hs: readonly ArrayLike<number>[], dhs: readonly ArrayLike<number>[]): WhhContributions {
  const T = dhs.length;
  if (hs.length !== T + 1) throw new Error(`whhContributions needs h_0..h_T (${T + 1} states), got ${hs.length}`);
  const H = hs[0].length;
  const sum = new Float64Array(H * H);
  const norms: number[] = [];
  const delta = new Float64Array(H);
  for (let t = 1; t <= T; t++) {
    const h = hs[t], hPrev = hs[t - 1], dh = dhs[t - 1];
    for (let i = 0; i < H; i++) delta[i] = dh[i] * (1 - h[i] * h[i]);
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) sum[i * H + j] += delta[i] * hPrev[j];
    }
    norms.push(Math.sqrt(sumOfSquares(delta) * sumOfSquares(Float64Array.from(hPrev))));
  }
  return { norms, sum };
}

/** The largest |a − b| over the entries, relative to the largest |b| (0 when b is all zeros and a equals it). */
export function relativeMaxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let diff = 0, scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  if (Number.isNaN(diff)) return NaN;
  return scale === 0 ? (diff === 0 ? 0 : Infinity) : diff / scale;
}

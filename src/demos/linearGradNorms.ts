import type { RnnParams } from '../engine';

/**
 * ‖∂L/∂h_t‖ for t = 1..T (index t−1) of the LINEAR variant of the RNN, h_t = a_t =
 * Wxh x_t + Whh h_{t−1} + bh (no tanh), for one sequence with the loss
 * L = ½‖y_T − target‖² at the last step only. Without tanh' in the way, each step back multiplies
 * by Whhᵀ alone — ∂L/∂h_{t−1} = Whhᵀ ∂L/∂h_t — so with Whh = ρQ (Q orthogonal) every step scales
 * the norm by exactly ρ: the cleanest picture of vanishing (ρ < 1) and exploding (ρ > 1).
 *
 * `xs` is T×D, flat (`xs[t·D + d]`); `target` has O entries.
 */
export function linearHiddenGradNorms(p: RnnParams, xs: Float64Array, target: Float64Array): Float64Array {
  const H = p.Whh.rows, D = p.Wxh.cols, O = p.Why.rows;
  const T = xs.length / D;
  // Forward: only h_T is needed, because the loss looks at y_T alone.
  let h = p.h0.slice();
  for (let t = 0; t < T; t++) {
    const a = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      let s = p.bh[i];
      for (let d = 0; d < D; d++) s += p.Wxh.data[i * D + d] * xs[t * D + d];
      for (let j = 0; j < H; j++) s += p.Whh.data[i * H + j] * h[j];
      a[i] = s;
    }
    h = a; // h_t = a_t
  }
  // ∂L/∂y_T = y_T − target;  ∂L/∂h_T = Whyᵀ ∂L/∂y_T.
  let dh = new Float64Array(H);
  for (let k = 0; k < O; k++) {
    let y = p.by[k];
    for (let j = 0; j < H; j++) y += p.Why.data[k * H + j] * h[j];
    const dy = y - target[k];
    for (let j = 0; j < H; j++) dh[j] += p.Why.data[k * H + j] * dy;
  }
  const norms = new Float64Array(T);
  let dhPrev = new Float64Array(H);
  for (let t = T - 1; t >= 0; t--) {
    let sq = 0;
    for (let j = 0; j < H; j++) sq += dh[j] * dh[j];
    norms[t] = Math.sqrt(sq);
    // ∂L/∂h_{t−1} = Whhᵀ ∂L/∂h_t  (∂h_t/∂a_t is the identity here).
    dhPrev.fill(0);
    for (let i = 0; i < H; i++) {
      for (let j = 0; j < H; j++) dhPrev[j] += p.Whh.data[i * H + j] * dh[i];
    }
    [dh, dhPrev] = [dhPrev, dh];
  }
  return norms;
}

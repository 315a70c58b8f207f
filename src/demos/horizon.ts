import { inLoss, sumOfSquares, stepLossAndGrad, type LossSpec, type RnnParams, type SequenceBatch, type Sizes, type Targets, type Engine } from '../engine';

/**
 * ∂L/∂Whh split by how far the gradient travelled. Whh is used at every step s = 1..T, where it
 * reads the state h_{s−1}; the loss at step t reaches that use through t − s steps back. So
 *   ∂L/∂Whh = Σ_{t in the loss} Σ_{s ≤ t} (∂ℓ_t/∂a_s) h_{s−1}ᵀ,
 * and each term pairs the loss at step t with the state h_{t−k} that Whh read, k = t − s + 1 steps
 * earlier (k = 1..T). `contributions[k − 1]` is the sum of the terms of lag k: an H×H matrix,
 * row-major. Summed over k they give ∂L/∂Whh exactly.
 *
 * Cost O(B·T²·H²): one backward sweep per loss step, which is what keeps the lags apart (the
 * ordinary BPTT merges them into one da_s and cannot).
 */
export function whhContributionsByLag(engine: Engine, p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, sizes: Sizes): Float64Array[] {
  const { B, T } = batch;
  const { H, O } = sizes;
  const { hs, ys } = engine.forward(p, batch, { validate: false });
  const Whh = p.Whh.data, Why = p.Why.data;
  const contributions = Array.from({ length: T }, () => new Float64Array(H * H));
  const dy = new Float64Array(O);
  let dh = new Float64Array(H), dhPrev = new Float64Array(H);
  const da = new Float64Array(H);
  const h = (step: number, b: number, j: number): number => hs[(step * B + b) * H + j]; // step 0 is h_0

  for (let b = 0; b < B; b++) {
    for (let t = 1; t <= T; t++) {
      if (!inLoss(loss, t - 1, T)) continue;
      // ∂ℓ_t/∂h_t = Whyᵀ ∂ℓ_t/∂y_t (with the batch mean's 1/B).
      stepLossAndGrad(targets, ys, ((t - 1) * B + b) * O, O, b * T + t - 1, 1 / B, dy, 0);
      dh.fill(0);
      for (let k = 0; k < O; k++) for (let j = 0; j < H; j++) dh[j] += Why[k * H + j] * dy[k];
      for (let s = t; s >= 1; s--) {
        // da_s = ∂ℓ_t/∂a_s = ∂ℓ_t/∂h_s ⊙ (1 − h_s²); its term reads h_{s−1}: lag k = t − s + 1.
        for (let i = 0; i < H; i++) da[i] = dh[i] * (1 - h(s, b, i) ** 2);
        const c = contributions[t - s];
        for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) c[i * H + j] += da[i] * h(s - 1, b, j);
        // ∂ℓ_t/∂h_{s−1} = Whhᵀ da_s.
        dhPrev.fill(0);
        for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) dhPrev[j] += Whh[i * H + j] * da[i];
        [dh, dhPrev] = [dhPrev, dh];
      }
    }
  }
  return contributions;
}

/** Frobenius norm of each lag's contribution, k = 1..T. */
export function contributionNorms(contributions: readonly Float64Array[]): number[] {
  return contributions.map((c) => Math.sqrt(sumOfSquares(c)));
}

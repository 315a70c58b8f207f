/**
 * Adam (Kingma & Ba), on any list of parameter buffers with their gradients in the same order (the
 * gated cells' gatedBuffers, or the plain RNN's trainedBuffers), so every cell of a comparison can
 * be trained with the same rule:
 *
 *   m ← β₁ m + (1 − β₁) g        v ← β₂ v + (1 − β₂) g²          (g: the gradient after clipping)
 *   m̂ = m / (1 − β₁ˢ)            v̂ = v / (1 − β₂ˢ)               (s = 1, 2, …: the bias correction)
 *   θ ← θ − lr · m̂ / (√v̂ + ε)
 */
export interface AdamConfig {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
}

/** The usual constants (β₁ 0.9, β₂ 0.999, ε 1e-8), as torch.optim.Adam has them. */
export function adamConfig(lr: number): AdamConfig {
  return { lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
}

/** Adam's running moments, one pair of buffers per parameter buffer, and the number of steps taken. */
export interface AdamState {
  readonly m: Float64Array[];
  readonly v: Float64Array[];
  readonly steps: number;
}

export function adamStart(params: readonly Float64Array[]): AdamState {
  return { m: params.map((p) => new Float64Array(p.length)), v: params.map((p) => new Float64Array(p.length)), steps: 0 };
}

/**
 * One Adam update of `params` (modified in place: the caller passes fresh copies) with the gradients
 * `grads` times `scale` (the clipping factor). Returns the new state; `state` is not modified.
 */
export function adamUpdate(config: AdamConfig, state: AdamState, params: readonly Float64Array[], grads: readonly Float64Array[], scale: number): AdamState {
  const { lr, beta1, beta2, eps } = config;
  const s = state.steps + 1;
  const m = state.m.map((x) => x.slice()), v = state.v.map((x) => x.slice());
  const correct1 = 1 - beta1 ** s, correct2 = 1 - beta2 ** s;
  for (let k = 0; k < params.length; k++) {
    const w = params[k], g = grads[k], mk = m[k], vk = v[k];
    for (let i = 0; i < w.length; i++) {
      const gi = scale * g[i];
      mk[i] = beta1 * mk[i] + (1 - beta1) * gi;
      vk[i] = beta2 * vk[i] + (1 - beta2) * gi * gi;
      w[i] -= (lr * (mk[i] / correct1)) / (Math.sqrt(vk[i] / correct2) + eps);
    }
  }
  return { m, v, steps: s };
}

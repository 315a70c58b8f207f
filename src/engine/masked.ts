import { EngineInputError } from './errors';
import { forward } from './forward';
import { zeroGrads, type RnnGrads, type RnnParams } from './params';
import { globalNorm } from './bptt';

/**
 * BPTT for ONE sequence whose loss counts only the steps that have a target (the lab's API):
 *   L = ½ Σ_{t: target_t ≠ null} ‖y_t − target_t‖².
 * Besides the gradients it returns the total dL/dh_t vectors themselves (not only their norms),
 * because the lab's `bptt` returns them and the checker compares them entry by entry.
 */
export interface MaskedBpttResult {
  readonly loss: number;
  readonly grads: RnnGrads;
  /** dhs[t] = dL/dh_t (0-based step t, length H): through y_t and through every later step. */
  readonly dhs: Float64Array[];
  readonly gradNorm: number;
}

/** xs: T steps of D numbers; targets: T entries, each O numbers or null (step not in the loss). */
export function bpttMasked(p: RnnParams, xs: readonly Float64Array[], targets: readonly (Float64Array | null)[]): MaskedBpttResult {
  const T = xs.length;
  if (targets.length !== T) throw new EngineInputError('targets', `must have one entry per step (T = ${T}), got ${targets.length}`);
  const D = p.Wxh.cols, H = p.Wxh.rows, O = p.Why.rows;
  const flatXs = new Float64Array(T * D);
  xs.forEach((x, t) => {
    if (x.length !== D) throw new EngineInputError(`xs[${t}]`, `must have D = ${D} numbers, got ${x.length}`);
    flatXs.set(x, t * D);
  });
  targets.forEach((y, t) => {
    if (y !== null && y.length !== O) throw new EngineInputError(`targets[${t}]`, `must have O = ${O} numbers or be null, got ${y.length}`);
  });
  const { hs, ys } = forward(p, { B: 1, T, D, xs: flatXs });
  const g = zeroGrads({ D, H, O });
  const dhs: Float64Array[] = new Array<Float64Array>(T);
  let loss = 0;
  let dhNext = new Float64Array(H);

  for (let t = T - 1; t >= 0; t--) {
    const h = hs.subarray((t + 1) * H, (t + 2) * H); // h_t
    const hPrev = hs.subarray(t * H, (t + 1) * H); // h_{t−1}
    const dh = dhNext.slice();
    const target = targets[t];
    if (target !== null) {
      for (let k = 0; k < O; k++) {
        const dy = ys[t * O + k] - target[k];
        loss += 0.5 * dy * dy;
        g.by[k] += dy;
        for (let j = 0; j < H; j++) {
          g.Why.data[k * H + j] += dy * h[j];
          dh[j] += p.Why.data[k * H + j] * dy;
        }
      }
    }
    dhs[t] = dh;
    // da_t = dh_t ⊙ (1 − h_t²); the shared Wxh, Whh, bh collect every step's share.
    dhNext = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      const da = dh[i] * (1 - h[i] * h[i]);
      g.bh[i] += da;
      for (let d = 0; d < D; d++) g.Wxh.data[i * D + d] += da * xs[t][d];
      for (let j = 0; j < H; j++) {
        g.Whh.data[i * H + j] += da * hPrev[j];
        dhNext[j] += p.Whh.data[i * H + j] * da;
      }
    }
  }
  return { loss, grads: g, dhs, gradNorm: globalNorm(g) };
}

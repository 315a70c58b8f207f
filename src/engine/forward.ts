import { validateBatch, type SequenceBatch } from './batch';
import { validateParams, type RnnParams, type Sizes } from './params';

/**
 * Everything the forward pass computed, time-major so each step's B×H block is contiguous:
 * `hs[(t·B + b)·H + j]` is h_t of sequence b for t = 0..T (t = 0 is h0);
 * `ys[(t·B + b)·O + k]` is y_{t+1} of sequence b for t = 0..T−1.
 */
export interface ForwardTrace {
  readonly B: number;
  readonly T: number;
  readonly sizes: Sizes;
  readonly hs: Float64Array;
  readonly ys: Float64Array;
}

/** Unrolls the RNN over every sequence of the batch, with the SAME parameters at every step. */
export function forward(p: RnnParams, batch: SequenceBatch): ForwardTrace {
  const sizes = validateParams(p);
  validateBatch(batch, sizes.D);
  return forwardUnchecked(p, batch, sizes);
}

/** forward() without validation, for callers that validated already (BPTT, training loops). */
export function forwardUnchecked(p: RnnParams, batch: SequenceBatch, sizes: Sizes): ForwardTrace {
  const { B, T, xs } = batch;
  const { D, H, O } = sizes;
  const Wxh = p.Wxh.data, Whh = p.Whh.data, Why = p.Why.data, bh = p.bh, by = p.by;
  const hs = new Float64Array((T + 1) * B * H);
  const ys = new Float64Array(T * B * O);
  for (let b = 0; b < B; b++) hs.set(p.h0, b * H);

  for (let t = 0; t < T; t++) {
    const hPrevBase = t * B * H;
    const hBase = (t + 1) * B * H;
    for (let b = 0; b < B; b++) {
      const xOff = (b * T + t) * D;
      const hPrevOff = hPrevBase + b * H;
      const hOff = hBase + b * H;
      // a_t = Wxh x_t + Whh h_{t−1} + bh;  h_t = tanh(a_t)
      for (let i = 0; i < H; i++) {
        let a = bh[i];
        const wx = i * D;
        for (let d = 0; d < D; d++) a += Wxh[wx + d] * xs[xOff + d];
        const wh = i * H;
        let j = 0;
        // Four independent partial sums let the CPU overlap the multiply-adds.
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (; j + 3 < H; j += 4) {
          s0 += Whh[wh + j] * hs[hPrevOff + j];
          s1 += Whh[wh + j + 1] * hs[hPrevOff + j + 1];
          s2 += Whh[wh + j + 2] * hs[hPrevOff + j + 2];
          s3 += Whh[wh + j + 3] * hs[hPrevOff + j + 3];
        }
        for (; j < H; j++) s0 += Whh[wh + j] * hs[hPrevOff + j];
        hs[hOff + i] = Math.tanh(a + ((s0 + s1) + (s2 + s3)));
      }
      // y_t = Why h_t + by
      const yOff = (t * B + b) * O;
      for (let k = 0; k < O; k++) {
        let y = by[k];
        const wy = k * H;
        for (let j = 0; j < H; j++) y += Why[wy + j] * hs[hOff + j];
        ys[yOff + k] = y;
      }
    }
  }
  return { B, T, sizes, hs, ys };
}

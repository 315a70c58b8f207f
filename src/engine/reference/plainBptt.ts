import type { LossSpec, SequenceBatch, Targets } from '../batch';
import type { BpttResult } from '../result';
import type { RnnParams } from '../params';

/**
 * BPTT written the obvious way: plain loops over Float64Array, one sequence at a time, one dot
 * product at a time, fresh arrays per call, nothing shared with the engine's own code but the
 * types. Two jobs: the "plain JS loops" baseline that `rnn-lab bench` measures the engine
 * against, and an independent oracle for the tests. No validation: callers pass valid inputs.
 */
export function plainBptt(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): BpttResult {
  const { B, T, xs } = batch;
  const H = p.Wxh.rows, D = p.Wxh.cols, O = p.Why.rows;
  const Wxh = p.Wxh.data, Whh = p.Whh.data, Why = p.Why.data;
  const dWxh = new Float64Array(H * D), dWhh = new Float64Array(H * H), dbh = new Float64Array(H);
  const dWhy = new Float64Array(O * H), dby = new Float64Array(O);
  const dhSquares = new Float64Array(T);
  let L = 0;

  for (let b = 0; b < B; b++) {
    // Forward: hs[t] for t = 0..T (hs[0] = h0), ys[t] for t = 1..T.
    const hs: Float64Array[] = [p.h0.slice()];
    const ys: Float64Array[] = [new Float64Array(0)];
    for (let t = 1; t <= T; t++) {
      const x = xs.subarray(((b * T) + t - 1) * D, ((b * T) + t) * D);
      const hPrev = hs[t - 1];
      const h = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        let a = p.bh[i];
        for (let d = 0; d < D; d++) a += Wxh[i * D + d] * x[d];
        for (let j = 0; j < H; j++) a += Whh[i * H + j] * hPrev[j];
        h[i] = Math.tanh(a);
      }
      const y = new Float64Array(O);
      for (let k = 0; k < O; k++) {
        let s = p.by[k];
        for (let j = 0; j < H; j++) s += Why[k * H + j] * h[j];
        y[k] = s;
      }
      hs.push(h);
      ys.push(y);
    }

    // Backward, t = T..1.
    let dhNext = new Float64Array(H);
    for (let t = T; t >= 1; t--) {
      const dh = dhNext.slice();
      const counted = loss.at === 'all' ? true : loss.at === 'last' ? t === T : loss.at[t - 1];
      if (counted) {
        const dy = outputGradient(ys[t], targets, b, t - 1, T, O, B);
        L += dy.loss;
        for (let k = 0; k < O; k++) {
          dby[k] += dy.grad[k];
          for (let j = 0; j < H; j++) {
            dWhy[k * H + j] += dy.grad[k] * hs[t][j];
            dh[j] += Why[k * H + j] * dy.grad[k];
          }
        }
      }
      for (let j = 0; j < H; j++) dhSquares[t - 1] += dh[j] * dh[j];
      const da = new Float64Array(H);
      for (let i = 0; i < H; i++) da[i] = dh[i] * (1 - hs[t][i] * hs[t][i]);
      const x = xs.subarray(((b * T) + t - 1) * D, ((b * T) + t) * D);
      dhNext = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        dbh[i] += da[i];
        for (let d = 0; d < D; d++) dWxh[i * D + d] += da[i] * x[d];
        for (let j = 0; j < H; j++) {
          dWhh[i * H + j] += da[i] * hs[t - 1][j];
          dhNext[j] += Whh[i * H + j] * da[i];
        }
      }
    }
  }

  let normSq = 0;
  for (const g of [dWxh, dWhh, dbh, dWhy, dby]) for (let i = 0; i < g.length; i++) normSq += g[i] * g[i];
  return {
    loss: L,
    hiddenGradNorms: dhSquares.map(Math.sqrt),
    grads: {
      Wxh: { rows: H, cols: D, data: dWxh }, Whh: { rows: H, cols: H, data: dWhh }, bh: dbh,
      Why: { rows: O, cols: H, data: dWhy }, by: dby,
    },
    gradNorm: Math.sqrt(normSq),
  };
}

/** ℓ/B and dℓ/dy / B for sequence b at 0-based step t. */
function outputGradient(y: Float64Array, targets: Targets, b: number, t: number, T: number, O: number, B: number): { loss: number; grad: Float64Array } {
  const grad = new Float64Array(O);
  if (targets.kind === 'mse') {
    let l = 0;
    for (let k = 0; k < O; k++) {
      const diff = y[k] - targets.values[(b * T + t) * O + k];
      l += 0.5 * diff * diff;
      grad[k] = diff / B;
    }
    return { loss: l / B, grad };
  }
  const c = targets.classes[b * T + t];
  const max = Math.max(...y);
  let sum = 0;
  for (let k = 0; k < O; k++) sum += Math.exp(y[k] - max);
  for (let k = 0; k < O; k++) grad[k] = (Math.exp(y[k] - max) / sum - (k === c ? 1 : 0)) / B;
  return { loss: (Math.log(sum) + max - y[c]) / B, grad };
}

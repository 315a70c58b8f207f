import { inLoss, type LossSpec, type SequenceBatch, type Targets } from '../batch';
import { stepLossAndGrad } from '../loss';
import { GRU_BLOCK, gatedGlobalNorm, zeroGatedGrads, type GruParams } from './params';
import type { GatedBpttResult } from './result';
import { addMatTVec, addOuter, addTo, matVecInto, sigmoid, squares } from './vectors';

/**
 * The GRU, forward and backward through time side by side (gate blocks r, z, n of Wx, Wh, b; the
 * reset gate r multiplies Wh_n h_{t−1}, after the product, as torch.nn.GRU does):
 *
 *   forward, t = 1..T                                   backward, t = T..1
 *   u = Wx x_t + b,  w = Wh h_{t−1}                      dh_t = Whyᵀ dy_t + dhNext                  (total dL/dh_t)
 *   r = σ(u_r + w_r)   z = σ(u_z + w_z)                  da_n = dh_t ⊙ (1 − z) ⊙ (1 − n²)
 *   n = tanh(u_n + r ⊙ w_n)                              da_z = dh_t ⊙ (h_{t−1} − n) ⊙ z(1 − z)
 *   h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}                      da_r = da_n ⊙ w_n ⊙ r(1 − r),   dw_n = da_n ⊙ r
 *   y_t = Why h_t + by                                   dWx += (da_r, da_z, da_n) x_tᵀ,  db += (da_r, da_z, da_n)
 *                                                        dWh += (da_r, da_z, dw_n) h_{t−1}ᵀ
 *                                                        dhNext = dh_t ⊙ z + Whᵀ (da_r, da_z, dw_n)
 *
 * The direct path dh_t ⊙ z is the GRU's version of the LSTM's cell path: a gate, no matrix.
 */

/** One sequence's forward pass: for t = 1..T at index t, the gates r, z, n (3H), w_n = Wh_n h_{t−1}, h_t and y_t. */
interface GruTrace {
  readonly gates: Float64Array[];
  readonly wn: Float64Array[];
  readonly h: Float64Array[];
  readonly y: Float64Array[];
}

function forwardSequence(p: GruParams, x: (t: number) => Float64Array, T: number): GruTrace {
  const H = p.Wh.cols, O = p.Why.rows;
  const { r: R, z: Z, n: N } = GRU_BLOCK;
  const trace: GruTrace = { gates: [new Float64Array(0)], wn: [new Float64Array(0)], h: [p.h0], y: [new Float64Array(0)] };
  for (let t = 1; t <= T; t++) {
    const u = matVecInto(new Float64Array(3 * H), p.Wx, x(t)); // u = Wx x_t + b
    addTo(u, p.b);
    const w = matVecInto(new Float64Array(3 * H), p.Wh, trace.h[t - 1]); // w = Wh h_{t−1}
    const hPrev = trace.h[t - 1];
    const gates = new Float64Array(3 * H), wn = new Float64Array(H), h = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      const r = gates[R * H + j] = sigmoid(u[R * H + j] + w[R * H + j]);
      const z = gates[Z * H + j] = sigmoid(u[Z * H + j] + w[Z * H + j]);
      wn[j] = w[N * H + j];
      const n = gates[N * H + j] = Math.tanh(u[N * H + j] + r * wn[j]); // n = tanh(u_n + r ⊙ Wh_n h_{t−1})
      h[j] = (1 - z) * n + z * hPrev[j]; //                                h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}
    }
    const y = matVecInto(new Float64Array(O), p.Why, h); // y_t = Why h_t + by
    addTo(y, p.by);
    trace.gates.push(gates); trace.wn.push(wn); trace.h.push(h); trace.y.push(y);
  }
  return trace;
}

/**
 * Full BPTT of the batch-mean loss through a GRU. No validation (gatedBptt validates; call this
 * with inputs that passed it).
 */
export function gruBpttUnchecked(p: GruParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): GatedBpttResult {
  const { B, T, D } = batch;
  const H = p.Wh.cols, O = p.Why.rows;
  const { r: R, z: Z, n: N } = GRU_BLOCK;
  const g = zeroGatedGrads('gru', { D, H, O });
  const hiddenSquares = new Float64Array(T);
  let L = 0;

  for (let b = 0; b < B; b++) {
    const x = (t: number): Float64Array => batch.xs.subarray((b * T + t - 1) * D, (b * T + t) * D);
    const tr = forwardSequence(p, x, T);

    let dhNext = new Float64Array(H);
    const dy = new Float64Array(O);
    for (let t = T; t >= 1; t--) {
      const dh = dhNext; // dh_t = dhNext (+ Whyᵀ dy_t when step t is in the loss)
      if (inLoss(loss, t - 1, T)) {
        L += (1 / B) * stepLossAndGrad(targets, tr.y[t], 0, O, b * T + t - 1, 1 / B, dy, 0);
        addOuter(g.Why, dy, tr.h[t]); // dWhy += dy_t h_tᵀ
        addTo(g.by, dy); //             dby  += dy_t
        addMatTVec(dh, p.Why, dy); //   dh_t += Whyᵀ dy_t
      }
      hiddenSquares[t - 1] += squares(dh);

      const gates = tr.gates[t], hPrev = tr.h[t - 1], wn = tr.wn[t];
      const daX = new Float64Array(3 * H); // (da_r, da_z, da_n): what Wx and b see
      const daH = new Float64Array(3 * H); // (da_r, da_z, dw_n): what Wh sees (r sits between Wh_n and n)
      dhNext = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        const r = gates[R * H + j], z = gates[Z * H + j], n = gates[N * H + j];
        const dan = dh[j] * (1 - z) * (1 - n * n); //       da_n = dh_t ⊙ (1 − z) ⊙ (1 − n²)
        const daz = dh[j] * (hPrev[j] - n) * z * (1 - z); // da_z = dh_t ⊙ (h_{t−1} − n) ⊙ z(1 − z)
        const dar = dan * wn[j] * r * (1 - r); //            da_r = da_n ⊙ w_n ⊙ r(1 − r)
        daX[R * H + j] = dar; daX[Z * H + j] = daz; daX[N * H + j] = dan;
        daH[R * H + j] = dar; daH[Z * H + j] = daz; daH[N * H + j] = dan * r; // dw_n = da_n ⊙ r
        dhNext[j] = dh[j] * z; //                            the direct path: dh_t ⊙ z
      }
      addOuter(g.Wx, daX, x(t)); //   dWx += (da_r, da_z, da_n) x_tᵀ
      addOuter(g.Wh, daH, hPrev); //  dWh += (da_r, da_z, dw_n) h_{t−1}ᵀ
      addTo(g.b, daX); //             db  += (da_r, da_z, da_n)
      addMatTVec(dhNext, p.Wh, daH); // + Whᵀ (da_r, da_z, dw_n): the paths through the gates
    }
  }
  return { loss: L, hiddenGradNorms: hiddenSquares.map(Math.sqrt), cellGradNorms: null, grads: g, gradNorm: gatedGlobalNorm(g) };
}

/** The outputs y_t of every sequence, time-major: `ys[((t − 1)·B + b)·O + k]` (as the plain RNN's forward trace). */
export function gruPredictUnchecked(p: GruParams, batch: SequenceBatch): Float64Array {
  const { B, T, D } = batch;
  const O = p.Why.rows;
  const ys = new Float64Array(T * B * O);
  for (let b = 0; b < B; b++) {
    const { y } = forwardSequence(p, (t) => batch.xs.subarray((b * T + t - 1) * D, (b * T + t) * D), T);
    for (let t = 1; t <= T; t++) ys.set(y[t], ((t - 1) * B + b) * O);
  }
  return ys;
}

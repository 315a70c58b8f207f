import { inLoss, type LossSpec, type SequenceBatch, type Targets } from '../batch';
import { stepLossAndGrad } from '../loss';
import { LSTM_BLOCK, gatedGlobalNorm, zeroGatedGrads, type LstmParams } from './params';
import type { GatedBpttResult } from './result';
import { addMatTVec, addOuter, addTo, matVecInto, sigmoid, squares } from './vectors';

/**
 * The LSTM, forward and backward through time side by side (gate blocks i, f, g, o of Wx, Wh, b):
 *
 *   forward, t = 1..T                          backward, t = T..1
 *   a_t = Wx x_t + Wh h_{t−1} + b              dh_t = Whyᵀ dy_t + dhNext                 (total dL/dh_t)
 *   i = σ(a_i)  f = σ(a_f)                     dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dcNext  (total dL/dc_t)
 *   g = tanh(a_g)  o = σ(a_o)                  da_i = dc_t ⊙ g ⊙ i(1 − i)     da_f = dc_t ⊙ c_{t−1} ⊙ f(1 − f)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g                  da_g = dc_t ⊙ i ⊙ (1 − g²)     da_o = dh_t ⊙ tanh(c_t) ⊙ o(1 − o)
 *   h_t = o ⊙ tanh(c_t)                        dWx += da_t x_tᵀ,  dWh += da_t h_{t−1}ᵀ,  db += da_t
 *   y_t = Why h_t + by                         dhNext = Whᵀ da_t       (through the gates: a matrix, as in the plain RNN)
 *                                              dcNext = dc_t ⊙ f       (the cell path: times f, no matrix, no tanh′)
 *
 * The cell path is the point of the LSTM: dL/dc_{t−1} gets dL/dc_t multiplied by the forget gate
 * alone, so how fast it decays is a gate the network can learn (and b_f sets where it starts).
 */

/** One sequence's forward pass: for t = 1..T at index t, the gates i, f, g, o (4H), c_t, tanh(c_t), h_t and y_t. */
interface LstmTrace {
  readonly gates: Float64Array[];
  readonly c: Float64Array[];
  readonly tanhC: Float64Array[];
  readonly h: Float64Array[];
  readonly y: Float64Array[];
}

function forwardSequence(p: LstmParams, x: (t: number) => Float64Array, T: number): LstmTrace {
  const H = p.Wh.cols, O = p.Why.rows;
  const { i: I, f: F, g: Gb, o: Ob } = LSTM_BLOCK;
  const trace: LstmTrace = { gates: [new Float64Array(0)], c: [p.c0], tanhC: [new Float64Array(0)], h: [p.h0], y: [new Float64Array(0)] };
  const fromInput = new Float64Array(4 * H);
  for (let t = 1; t <= T; t++) {
    const a = matVecInto(new Float64Array(4 * H), p.Wh, trace.h[t - 1]); // a_t = Wx x_t + Wh h_{t−1} + b
    addTo(a, matVecInto(fromInput, p.Wx, x(t)));
    addTo(a, p.b);
    const gates = new Float64Array(4 * H), c = new Float64Array(H), tanhC = new Float64Array(H), h = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      const i = gates[I * H + j] = sigmoid(a[I * H + j]);
      const f = gates[F * H + j] = sigmoid(a[F * H + j]);
      const g = gates[Gb * H + j] = Math.tanh(a[Gb * H + j]);
      const o = gates[Ob * H + j] = sigmoid(a[Ob * H + j]);
      c[j] = f * trace.c[t - 1][j] + i * g; // c_t = f ⊙ c_{t−1} + i ⊙ g
      tanhC[j] = Math.tanh(c[j]);
      h[j] = o * tanhC[j]; //                  h_t = o ⊙ tanh(c_t)
    }
    const y = matVecInto(new Float64Array(O), p.Why, h); // y_t = Why h_t + by
    addTo(y, p.by);
    trace.gates.push(gates); trace.c.push(c); trace.tanhC.push(tanhC); trace.h.push(h); trace.y.push(y);
  }
  return trace;
}

/**
 * Full BPTT of the batch-mean loss through an LSTM. No validation (gatedBptt validates; call this
 * with inputs that passed it).
 */
export function lstmBpttUnchecked(p: LstmParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): GatedBpttResult {
  const { B, T, D } = batch;
  const H = p.Wh.cols, O = p.Why.rows;
  const { i: I, f: F, g: Gb, o: Ob } = LSTM_BLOCK;
  const g = zeroGatedGrads('lstm', { D, H, O });
  const hiddenSquares = new Float64Array(T), cellSquares = new Float64Array(T);
  let L = 0;

  for (let b = 0; b < B; b++) {
    const x = (t: number): Float64Array => batch.xs.subarray((b * T + t - 1) * D, (b * T + t) * D);
    const tr = forwardSequence(p, x, T);

    let dhNext = new Float64Array(H), dcNext = new Float64Array(H);
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

      const gates = tr.gates[t], cPrev = tr.c[t - 1];
      const dc = new Float64Array(H), da = new Float64Array(4 * H);
      for (let j = 0; j < H; j++) {
        const i = gates[I * H + j], f = gates[F * H + j], gg = gates[Gb * H + j], o = gates[Ob * H + j];
        const tc = tr.tanhC[t][j];
        dc[j] = dh[j] * o * (1 - tc * tc) + dcNext[j]; //    dc_t = dh_t ⊙ o ⊙ (1 − tanh² c_t) + dcNext
        da[I * H + j] = dc[j] * gg * i * (1 - i); //          da_i = dc_t ⊙ g ⊙ i(1 − i)
        da[F * H + j] = dc[j] * cPrev[j] * f * (1 - f); //    da_f = dc_t ⊙ c_{t−1} ⊙ f(1 − f)
        da[Gb * H + j] = dc[j] * i * (1 - gg * gg); //        da_g = dc_t ⊙ i ⊙ (1 − g²)
        da[Ob * H + j] = dh[j] * tc * o * (1 - o); //         da_o = dh_t ⊙ tanh(c_t) ⊙ o(1 − o)
      }
      cellSquares[t - 1] += squares(dc);
      addOuter(g.Wx, da, x(t)); //        dWx += da_t x_tᵀ
      addOuter(g.Wh, da, tr.h[t - 1]); // dWh += da_t h_{t−1}ᵀ
      addTo(g.b, da); //                  db  += da_t
      dhNext = new Float64Array(H);
      addMatTVec(dhNext, p.Wh, da); //    dL/dh_{t−1} through the gates: Whᵀ da_t
      dcNext = dc.map((dcj, j) => dcj * gates[F * H + j]); // dL/dc_{t−1} through the cell: dc_t ⊙ f
    }
  }
  return {
    loss: L, hiddenGradNorms: hiddenSquares.map(Math.sqrt), cellGradNorms: cellSquares.map(Math.sqrt),
    grads: g, gradNorm: gatedGlobalNorm(g),
  };
}

/** The outputs y_t of every sequence, time-major: `ys[((t − 1)·B + b)·O + k]` (as the plain RNN's forward trace). */
export function lstmPredictUnchecked(p: LstmParams, batch: SequenceBatch): Float64Array {
  const { B, T, D } = batch;
  const O = p.Why.rows;
  const ys = new Float64Array(T * B * O);
  for (let b = 0; b < B; b++) {
    const { y } = forwardSequence(p, (t) => batch.xs.subarray((b * T + t - 1) * D, (b * T + t) * D), T);
    for (let t = 1; t <= T; t++) ys.set(y[t], ((t - 1) * B + b) * O);
  }
  return ys;
}

// An independent LSTM and GRU for the tests: plain loops over the flat arrays, one scalar at a time,
// written from the formulas (contracts §9), sharing nothing with src/engine/gated but the types.
// Forward (`referenceGatedForward`) for finite differences and scoring; forward + backward
// (`referenceGatedBptt`) for the demos' retraining. Held to the golden cases in gatedGradcheck.test.ts.
import type { GatedParams, LossSpec, SequenceBatch, Targets } from '../../../src/engine';

const sig = (a: number): number => 1 / (1 + Math.exp(-a));

function counts(loss: LossSpec, t: number, T: number): boolean {
  return loss.at === 'all' ? true : loss.at === 'last' ? t === T : loss.at[t - 1];
}

/** ℓ(y) and dℓ/dy for one step of one sequence. */
function stepLoss(y: number[], targets: Targets, index: number, O: number): { l: number; dy: number[] } {
  if (targets.kind === 'mse') {
    let l = 0;
    const dy: number[] = [];
    for (let k = 0; k < O; k++) { const e = y[k] - targets.values[index * O + k]; l += 0.5 * e * e; dy.push(e); }
    return { l, dy };
  }
  const m = Math.max(...y);
  const z = y.reduce((s, v) => s + Math.exp(v - m), 0);
  const c = targets.classes[index];
  return { l: Math.log(z) + m - y[c], dy: y.map((v, k) => Math.exp(v - m) / z - (k === c ? 1 : 0)) };
}

interface StepState { pre: number[]; act: number[]; c: number[]; h: number[]; y: number[]; hn: number[] }

/** One sequence forward: states[t] for t = 0..T (states[0] holds h0, c0). */
function run(p: GatedParams, batch: SequenceBatch, b: number): StepState[] {
  const H = p.Wh.cols, D = p.Wx.cols, O = p.Why.rows, T = batch.T;
  const G = p.cell === 'lstm' ? 4 : 3;
  const states: StepState[] = [{ pre: [], act: [], c: p.cell === 'lstm' ? Array.from(p.c0) : [], h: Array.from(p.h0), y: [], hn: [] }];
  for (let t = 1; t <= T; t++) {
    const prev = states[t - 1];
    const fromX: number[] = [], fromH: number[] = [];
    for (let r = 0; r < G * H; r++) {
      let sx = p.b[r], sh = 0;
      for (let d = 0; d < D; d++) sx += p.Wx.data[r * D + d] * batch.xs[(b * T + t - 1) * D + d];
      for (let j = 0; j < H; j++) sh += p.Wh.data[r * H + j] * prev.h[j];
      fromX.push(sx); fromH.push(sh);
    }
    const act: number[] = new Array(G * H).fill(0), c: number[] = [], h: number[] = [], hn: number[] = [];
    const pre = fromX.map((v, r) => v + fromH[r]);
    for (let j = 0; j < H; j++) {
      if (p.cell === 'lstm') {
        const i = sig(pre[j]), f = sig(pre[H + j]), g = Math.tanh(pre[2 * H + j]), o = sig(pre[3 * H + j]);
        act[j] = i; act[H + j] = f; act[2 * H + j] = g; act[3 * H + j] = o;
        c.push(f * prev.c[j] + i * g);
        h.push(o * Math.tanh(c[j]));
      } else {
        const r = sig(pre[j]), z = sig(pre[H + j]);
        const n = Math.tanh(fromX[2 * H + j] + r * fromH[2 * H + j]);
        act[j] = r; act[H + j] = z; act[2 * H + j] = n;
        hn.push(fromH[2 * H + j]);
        h.push((1 - z) * n + z * prev.h[j]);
      }
    }
    const y: number[] = [];
    for (let k = 0; k < O; k++) { let s = p.by[k]; for (let j = 0; j < H; j++) s += p.Why.data[k * H + j] * h[j]; y.push(s); }
    states.push({ pre, act, c, h, y, hn });
  }
  return states;
}

/** The batch-mean loss and y_t of every sequence (`ys[b][t − 1]`). */
export function referenceGatedForward(p: GatedParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): { loss: number; ys: number[][][] } {
  let L = 0;
  const ys: number[][][] = [];
  for (let b = 0; b < batch.B; b++) {
    const s = run(p, batch, b);
    ys.push(s.slice(1).map((x) => x.y));
    for (let t = 1; t <= batch.T; t++) if (counts(loss, t, batch.T)) L += stepLoss(s[t].y, targets, b * batch.T + t - 1, p.Why.rows).l / batch.B;
  }
  return { loss: L, ys };
}

export interface ReferenceGatedResult {
  loss: number;
  /** dL/dθ in the engine's flat layout: Wx, Wh, b, Why, by. */
  grads: { Wx: Float64Array; Wh: Float64Array; b: Float64Array; Why: Float64Array; by: Float64Array };
  gradNorm: number;
  hiddenGradNorms: number[];
  cellGradNorms: number[];
}

/** Forward and backward, one scalar at a time. */
export function referenceGatedBptt(p: GatedParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): ReferenceGatedResult {
  const H = p.Wh.cols, D = p.Wx.cols, O = p.Why.rows, T = batch.T, B = batch.B;
  const G = p.cell === 'lstm' ? 4 : 3;
  const gWx = new Float64Array(G * H * D), gWh = new Float64Array(G * H * H), gb = new Float64Array(G * H);
  const gWhy = new Float64Array(O * H), gby = new Float64Array(O);
  const hSq = new Array(T).fill(0), cSq = new Array(T).fill(0);
  let L = 0;
  for (let b = 0; b < B; b++) {
    const s = run(p, batch, b);
    let dhFromLater: number[] = new Array(H).fill(0), dcFromLater: number[] = new Array(H).fill(0);
    for (let t = T; t >= 1; t--) {
      const st = s[t], prev = s[t - 1];
      const dh = dhFromLater.slice();
      if (counts(loss, t, T)) {
        const { l, dy } = stepLoss(st.y, targets, b * T + t - 1, O);
        L += l / B;
        for (let k = 0; k < O; k++) {
          const g = dy[k] / B;
          gby[k] += g;
          for (let j = 0; j < H; j++) { gWhy[k * H + j] += g * st.h[j]; dh[j] += p.Why.data[k * H + j] * g; }
        }
      }
      for (let j = 0; j < H; j++) hSq[t - 1] += dh[j] * dh[j];
      // dPre: dL/d(pre-activation) per gate row, as Wx and b see it; dPreH: as Wh sees it.
      const dPre: number[] = new Array(G * H).fill(0), dPreH: number[] = new Array(G * H).fill(0);
      const dhPrev: number[] = new Array(H).fill(0), dcPrev: number[] = new Array(H).fill(0);
      for (let j = 0; j < H; j++) {
        if (p.cell === 'lstm') {
          const i = st.act[j], f = st.act[H + j], g = st.act[2 * H + j], o = st.act[3 * H + j];
          const tc = Math.tanh(st.c[j]);
          const dc = dcFromLater[j] + dh[j] * o * (1 - tc * tc);
          cSq[t - 1] += dc * dc;
          dPre[j] = dc * g * i * (1 - i);
          dPre[H + j] = dc * prev.c[j] * f * (1 - f);
          dPre[2 * H + j] = dc * i * (1 - g * g);
          dPre[3 * H + j] = dh[j] * tc * o * (1 - o);
          dcPrev[j] = dc * f;
        } else {
          const r = st.act[j], z = st.act[H + j], n = st.act[2 * H + j];
          const dn = dh[j] * (1 - z) * (1 - n * n);
          dPre[2 * H + j] = dn;
          dPre[H + j] = dh[j] * (prev.h[j] - n) * z * (1 - z);
          dPre[j] = dn * st.hn[j] * r * (1 - r);
          dhPrev[j] += dh[j] * z;
        }
      }
      for (let q = 0; q < G * H; q++) dPreH[q] = dPre[q];
      if (p.cell === 'gru') for (let j = 0; j < H; j++) dPreH[2 * H + j] = dPre[2 * H + j] * st.act[j];
      for (let q = 0; q < G * H; q++) {
        gb[q] += dPre[q];
        for (let d = 0; d < D; d++) gWx[q * D + d] += dPre[q] * batch.xs[(b * T + t - 1) * D + d];
        for (let j = 0; j < H; j++) { gWh[q * H + j] += dPreH[q] * prev.h[j]; dhPrev[j] += p.Wh.data[q * H + j] * dPreH[q]; }
      }
      dhFromLater = dhPrev;
      dcFromLater = dcPrev;
    }
  }
  let sq = 0;
  for (const a of [gWx, gWh, gb, gWhy, gby]) for (const v of a) sq += v * v;
  return {
    loss: L, grads: { Wx: gWx, Wh: gWh, b: gb, Why: gWhy, by: gby }, gradNorm: Math.sqrt(sq),
    hiddenGradNorms: hSq.map(Math.sqrt), cellGradNorms: p.cell === 'lstm' ? cSq.map(Math.sqrt) : [],
  };
}

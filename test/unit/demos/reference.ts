// Independent re-computations for the demo tests: training, the forward pass and the norms are
// written here from the maths, with the plain reference BPTT (src/engine/reference/plainBptt.ts)
// for every gradient, so a demo's caption is checked against numbers its own code did not make.
import type { LossSpec, RnnParams, SequenceBatch, Targets } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';

const KEYS = ['Wxh', 'Whh', 'bh', 'Why', 'by'] as const;

function buffer(p: RnnParams, key: (typeof KEYS)[number]): Float64Array {
  const v = p[key];
  return v instanceof Float64Array ? v : v.data;
}

export function copyParams(p: RnnParams): RnnParams {
  return {
    Wxh: { ...p.Wxh, data: p.Wxh.data.slice() }, Whh: { ...p.Whh, data: p.Whh.data.slice() }, bh: p.bh.slice(),
    Why: { ...p.Why, data: p.Why.data.slice() }, by: p.by.slice(), h0: p.h0.slice(),
  };
}

/** h_t for t = 0..T of sequence b (hs[0] = h0), and y_t for t = 1..T (ys[t − 1]). */
export function forwardOne(p: RnnParams, batch: SequenceBatch, b: number): { hs: Float64Array[]; ys: Float64Array[] } {
  const H = p.Whh.rows, D = p.Wxh.cols, O = p.Why.rows;
  const hs = [p.h0.slice()];
  const ys: Float64Array[] = [];
  for (let t = 1; t <= batch.T; t++) {
    const h = new Float64Array(H);
    for (let i = 0; i < H; i++) {
      let a = p.bh[i];
      for (let d = 0; d < D; d++) a += p.Wxh.data[i * D + d] * batch.xs[(b * batch.T + t - 1) * D + d];
      for (let j = 0; j < H; j++) a += p.Whh.data[i * H + j] * hs[t - 1][j];
      h[i] = Math.tanh(a);
    }
    const y = new Float64Array(O);
    for (let k = 0; k < O; k++) {
      y[k] = p.by[k];
      for (let j = 0; j < H; j++) y[k] += p.Why.data[k * H + j] * h[j];
    }
    hs.push(h);
    ys.push(y);
  }
  return { hs, ys };
}

/** Mean |h_t| over the batch and t = 1..T. */
export function meanAbsH(p: RnnParams, batch: SequenceBatch): number {
  let s = 0, n = 0;
  for (let b = 0; b < batch.B; b++) {
    for (const h of forwardOne(p, batch, b).hs.slice(1)) for (const v of h) { s += Math.abs(v); n++; }
  }
  return s / n;
}

export interface ReferenceStep {
  readonly loss: number;
  readonly gradNorm: number;
  readonly ratio: number;
  /** NaN unless the run was asked to measure it (a forward pass per step). */
  readonly meanAbsH: number;
  /** ‖θ_after − θ_before‖ over the five trained parameters. */
  readonly updateNorm: number;
  readonly clipped: boolean;
  /** ‖(dWhy, dby)‖: the output layer's part of the gradient. */
  readonly outputLayerNorm: number;
}

/** SGD from p0 on a fixed batch (or a fresh one per step), clipping by the global norm when clip is set. */
export function referenceTraining(
  p0: RnnParams, nextBatch: () => { batch: SequenceBatch; targets: Targets; loss: LossSpec }, lr: number, clip: number | null, steps: number, measureMeanAbsH = false,
): { steps: ReferenceStep[]; params: RnnParams } {
  let p = copyParams(p0);
  const out: ReferenceStep[] = [];
  for (let s = 0; s < steps; s++) {
    const { batch, targets, loss } = nextBatch();
    const r = plainBptt(p, batch, targets, loss);
    const clipped = clip !== null && r.gradNorm > clip;
    const scale = clipped ? clip / r.gradNorm : 1;
    const next = copyParams(p);
    let moved = 0;
    for (const key of KEYS) {
      const w = buffer(next, key), g = buffer(r.grads as RnnParams, key);
      for (let i = 0; i < w.length; i++) { const step = lr * scale * g[i]; w[i] -= step; moved += step * step; }
    }
    const outputLayer = Math.hypot(...r.grads.Why.data, ...r.grads.by);
    out.push({
      loss: r.loss, gradNorm: r.gradNorm, ratio: r.hiddenGradNorms[0] / r.hiddenGradNorms[batch.T - 1], meanAbsH: measureMeanAbsH ? meanAbsH(p, batch) : NaN,
      updateNorm: Math.sqrt(moved), clipped, outputLayerNorm: outputLayer,
    });
    p = next;
  }
  return { steps: out, params: p };
}

/** Relative difference |a − b| / max(|a|, |b|). */
export function relDiff(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

export function medianOf(values: readonly number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

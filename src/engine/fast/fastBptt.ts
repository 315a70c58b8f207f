import type { LossSpec, SequenceBatch, Targets } from '../batch';
import type { BpttResult } from '../bptt';
import { zeroGrads, type RnnGrads, type RnnParams, type Sizes } from '../params';
import { sumOfSquares } from '../tensor';
import { gemmAtBAccumulate } from './gemm';
import { runLockstep, type LockstepPlan, type LockstepTrace } from './lockstep';
import { BpttWorkspace } from './workspace';

/**
 * The fast path behind bptt(): the B sequences of a batch in lockstep (matrix–matrix products per
 * step), then every weight gradient as one product over all steps and sequences. Same results as
 * the readable `bpttReadable` up to rounding (sums are taken in a different order).
 */
export function bpttBatchFast(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, sizes: Sizes,
  ws: BpttWorkspace = new BpttWorkspace(),
): BpttResult {
  const { B, T, xs } = batch;
  const { D } = sizes;
  const plan: LockstepPlan = {
    N: B, Tmax: T, start: new Int32Array(B), active: new Int32Array(T).fill(B), scale: 1 / B, loss,
    targetsOf: () => targets, targetBase: Int32Array.from({ length: B }, (_, b) => b * T),
  };
  const trace = runLockstep(p, sizes, plan, ws, (X) => {
    // Batch inputs are sequence-major; the lockstep wants each step's rows together.
    for (let b = 0; b < B; b++) {
      for (let t = 0; t < T; t++) X.set(xs.subarray((b * T + t) * D, (b * T + t + 1) * D), (t * B + b) * D);
    }
  });
  const hiddenGradNorms = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sq = 0;
    for (let b = 0; b < B; b++) sq += trace.dhSq[t * B + b];
    hiddenGradNorms[t] = Math.sqrt(sq);
  }
  // Every row of every step belongs to the one batch, so the rows are contiguous: stride = width.
  const grads = weightGrads(sizes, plan, trace, 0, B, T * B, 1);
  let L = 0;
  for (let b = 0; b < B; b++) L += trace.rowLoss[b];
  return { loss: L, hiddenGradNorms, grads, gradNorm: globalNormOf(grads) };
}

/** One sequence of its own length T (B = 1), with its targets. */
export interface SingleSequence {
  readonly batch: SequenceBatch;
  readonly targets: Targets;
}

/**
 * BPTT of many independent sequences of different lengths (each B = 1, each with its own loss,
 * gradients and hidden-gradient norms): the same results as one bptt() call per sequence, computed
 * in lockstep. This is what a sweep over T (the lesson's "how does the gradient reaching step 1
 * change with T") needs.
 */
export function bpttEachFast(
  p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec, sizes: Sizes,
  ws: BpttWorkspace = new BpttWorkspace(),
): BpttResult[] {
  const { D } = sizes;
  const N = sequences.length;
  if (N === 0) return [];
  // Longest first: then the rows active at any step are a prefix.
  const order = sequences.map((_, i) => i).sort((i, j) => sequences[j].batch.T - sequences[i].batch.T || i - j);
  const Tmax = sequences[order[0]].batch.T;
  const start = Int32Array.from(order, (i) => Tmax - sequences[i].batch.T);
  const active = new Int32Array(Tmax);
  for (let s = 0; s < Tmax; s++) {
    let n = 0;
    while (n < N && start[n] <= s) n++;
    active[s] = n;
  }
  const plan: LockstepPlan = {
    N, Tmax, start, active, scale: 1, loss,
    targetsOf: (b) => sequences[order[b]].targets, targetBase: new Int32Array(N),
  };
  const trace = runLockstep(p, sizes, plan, ws, (X) => {
    for (let b = 0; b < N; b++) {
      const { xs, T } = sequences[order[b]].batch;
      for (let t = 0; t < T; t++) X.set(xs.subarray(t * D, (t + 1) * D), ((start[b] + t) * N + b) * D);
    }
  });
  const results = new Array<BpttResult>(N);
  for (let b = 0; b < N; b++) {
    const T = Tmax - start[b];
    const hiddenGradNorms = new Float64Array(T);
    for (let t = 0; t < T; t++) hiddenGradNorms[t] = Math.sqrt(trace.dhSq[(start[b] + t) * N + b]);
    // Row b's steps are N rows apart in the time-major buffers.
    const grads = weightGrads(sizes, plan, trace, start[b] * N + b, 1, T, N);
    results[order[b]] = { loss: trace.rowLoss[b], hiddenGradNorms, grads, gradNorm: globalNormOf(grads) };
  }
  return results;
}

/**
 * The five gradients as sums over rows: dWxh = Σ da xᵀ, dWhh = Σ da h_prevᵀ, dbh = Σ da,
 * dWhy = Σ dy hᵀ and dby = Σ dy over the loss steps. Rows: `count` rows starting at row `first`,
 * `rowStep` rows apart, `rowsPerStep` of them per step (B in a batch, 1 alone); the last step's rows
 * come last.
 */
function weightGrads(
  sizes: Sizes, plan: LockstepPlan, trace: LockstepTrace, first: number, rowsPerStep: number, count: number, rowStep: number,
): RnnGrads {
  const { D, H, O } = sizes;
  const { N } = plan;
  const g = zeroGrads(sizes);
  gemmAtBAccumulate(H, D, count, trace.DA, first * H, rowStep * H, trace.X, first * D, rowStep * D, g.Wxh.data, 0, D);
  gemmAtBAccumulate(H, H, count, trace.DA, first * H, rowStep * H, trace.hs, first * H, rowStep * H, g.Whh.data, 0, H);
  sumRows(g.bh, trace.DA, first * H, rowStep * H, count, H);
  // The output layer only sees the steps in the loss: all of them, or the last one.
  const lastOnly = plan.loss.at === 'last';
  const outFirst = lastOnly ? first + (count - rowsPerStep) * rowStep : first;
  const outCount = lastOnly ? rowsPerStep : count;
  gemmAtBAccumulate(O, H, outCount, trace.DY, outFirst * O, rowStep * O, trace.hs, (outFirst + N) * H, rowStep * H, g.Why.data, 0, H);
  sumRows(g.by, trace.DY, outFirst * O, rowStep * O, outCount, O);
  return g;
}

function sumRows(out: Float64Array, A: Float64Array, off: number, stride: number, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    const base = off + r * stride;
    for (let j = 0; j < width; j++) out[j] += A[base + j];
  }
}

function globalNormOf(g: RnnGrads): number {
  return Math.sqrt(sumOfSquares(g.Wxh.data) + sumOfSquares(g.Whh.data) + sumOfSquares(g.bh) + sumOfSquares(g.Why.data) + sumOfSquares(g.by));
}

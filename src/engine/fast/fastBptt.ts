import { validateBatch, validateLoss, validateTargets, type LossSpec, type SequenceBatch, type Targets } from '../batch';
import { globalNorm } from '../clip';
import { EngineInputError } from '../errors';
import { validateParams, zeroGrads, type RnnGrads, type RnnParams, type Sizes } from '../params';
import type { BpttResult, ForwardTrace } from '../result';
import { lockstepBuffers, recurrentStep, runLockstep, type LockstepPlan, type LockstepTrace } from './lockstep';
import type { BpttWorkspace } from './workspace';

/**
 * The fast path: what the engine runs (../engine.ts validates, chooses the workspace and calls in here). The same maths
 * as the readable readableBptt (../bptt.ts), arranged for speed: the B sequences of a batch in
 * lockstep (matrix–matrix products per step), then every weight gradient as one product over all
 * steps and sequences. Results agree with the readable version up to rounding (sums are taken in
 * a different order); the tests hold both to the golden cases and to reference/plainBptt.ts.
 */

/**
 * The forward pass alone, on inputs validated already: every sequence of the batch in lockstep,
 * then every output y_t as one product over all steps.
 */
export function forwardPass(p: RnnParams, batch: SequenceBatch, sizes: Sizes, ws: BpttWorkspace): ForwardTrace {
  const { hs, ys } = forwardInWorkspace(p, batch, sizes, ws);
  return { B: batch.B, T: batch.T, sizes, hs: hs.slice(), ys };
}

/**
 * Only the outputs y_t of the forward pass (the same numbers as forwardPass's ys), for callers that
 * score predictions (held-out accuracy): the states stay in the workspace instead of being copied out.
 */
export function forwardOutputs(p: RnnParams, batch: SequenceBatch, sizes: Sizes, ws: BpttWorkspace): Float64Array {
  return forwardInWorkspace(p, batch, sizes, ws).ys;
}

/** The forward pass: the states h_0..h_T as workspace views (time-major), and a fresh copy of the outputs. */
function forwardInWorkspace(p: RnnParams, batch: SequenceBatch, sizes: Sizes, ws: BpttWorkspace): { hs: Float64Array; ys: Float64Array } {
  const { B, T } = batch;
  const { D, H, O } = sizes;
  ws.reserve({ Wxh: H * D, Whh: H * H, Why: O * H, bh: H, X: T * B * D, hs: (T + 1) * B * H, pre: B * H, YS: T * B * O });
  const Wxh = ws.take('Wxh', H * D), Whh = ws.take('Whh', H * H), Why = ws.take('Why', O * H), bh = ws.take('bh', H);
  Wxh.set(p.Wxh.data); Whh.set(p.Whh.data); Why.set(p.Why.data); bh.set(p.bh);
  const X = timeMajorInputs(ws.take('X', T * B * D), batch);
  const hs = ws.take('hs', (T + 1) * B * H), pre = ws.take('pre', B * H), YS = ws.take('YS', T * B * O);
  for (let b = 0; b < B; b++) hs.set(p.h0, b * H);
  for (let s = 0; s < T; s++) recurrentStep(ws, B, B, D, H, s, X, Wxh, Whh, bh, hs, pre);
  ws.products.abt(T * B, O, H, hs, B * H, H, Why, 0, H, YS, 0, O, false);
  const ys = YS.slice();
  for (let r = 0; r < T * B; r++) for (let k = 0; k < O; k++) ys[r * O + k] += p.by[k];
  return { hs, ys };
}

/** Batch inputs are sequence-major, `[(b·T + t)·D + d]`; the lockstep wants each step's rows together. */
function timeMajorInputs(X: Float64Array, { B, T, D, xs }: SequenceBatch): Float64Array {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const src = (b * T + t) * D, dst = (t * B + b) * D;
      for (let d = 0; d < D; d++) X[dst + d] = xs[src + d];
    }
  }
  return X;
}

/**
 * Full backpropagation through time for the batch-mean loss, on inputs validated already: the
 * batch in lockstep, every row of a step belongs to the one batch, all T steps long.
 */
export function bpttBatch(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, sizes: Sizes,
  ws: BpttWorkspace, keepHiddenGrads: boolean,
): BpttResult {
  const { B, T } = batch;
  const { H } = sizes;
  const hiddenGrads = keepHiddenGrads ? new Float64Array(T * B * H) : null;
  const plan: LockstepPlan = {
    N: B, Tmax: T, start: new Int32Array(B), active: new Int32Array(T).fill(B), scale: 1 / B, loss,
    targetsOf: () => targets, targetBase: Int32Array.from({ length: B }, (_, b) => b * T), hiddenGrads,
  };
  ws.reserve(lockstepBuffers(sizes, B, T));
  const trace = runLockstep(p, sizes, plan, ws, (X) => timeMajorInputs(X, batch));
  const hiddenGradNorms = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sq = 0;
    for (let b = 0; b < B; b++) sq += trace.dhSq[t * B + b];
    hiddenGradNorms[t] = Math.sqrt(sq);
  }
  // Every row of every step belongs to the one batch, so the rows are contiguous: stride = width.
  const grads = weightGrads(sizes, plan, trace, ws, 0, B, T * B, 1);
  let L = 0;
  for (let b = 0; b < B; b++) L += trace.rowLoss[b];
  const result = { loss: L, hiddenGradNorms, grads, gradNorm: globalNorm(grads) };
  return hiddenGrads === null ? result : { ...result, hiddenGrads };
}

/** One sequence of its own length T (B = 1), with its targets. */
export interface SingleSequence {
  readonly batch: SequenceBatch;
  readonly targets: Targets;
}

/**
 * Checks the sequences of bpttSequences: each one sequence (B = 1) with its targets; the loss at
 * the last step or at every step (a step mask has no meaning across different lengths). Returns the sizes.
 */
export function validateSequences(p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec): Sizes {
  const sizes = validateParams(p);
  validateLoss(loss);
  if (typeof loss.at !== 'string') throw new EngineInputError('loss.at', 'must be "last" or "all" for sequences of different lengths');
  sequences.forEach(({ batch, targets }, i) => {
    const field = `sequences[${i}]`;
    if (batch.B !== 1) throw new EngineInputError(`${field}.xs`, `must hold one sequence (B = 1), got B = ${batch.B}`);
    validateBatch(batch, sizes.D, `${field}.xs`);
    validateTargets(targets, loss, 1, batch.T, sizes.O, `${field}.targets`);
  });
  return sizes;
}

/** The longest of the sequences' lengths (0 for none). */
export function longest(sequences: readonly SingleSequence[]): number {
  return sequences.reduce((m, s) => Math.max(m, s.batch.T), 0);
}

/**
 * BPTT of many independent sequences of different lengths (each B = 1, each with its own loss,
 * gradients and hidden-gradient norms), on inputs validated already: the same results as one batch
 * BPTT per sequence, computed in lockstep. This is what a sweep over T (the lesson's "how does the
 * gradient reaching step 1 change with T", the predict-then-run demo) needs.
 */
export function bpttSequences(
  p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec, sizes: Sizes,
  ws: BpttWorkspace,
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
    targetsOf: (b) => sequences[order[b]].targets, targetBase: new Int32Array(N), hiddenGrads: null,
  };
  ws.reserve(lockstepBuffers(sizes, N, Tmax));
  const trace = runLockstep(p, sizes, plan, ws, (X) => {
    for (let b = 0; b < N; b++) {
      const { xs, T } = sequences[order[b]].batch;
      for (let t = 0; t < T; t++) {
        const dst = ((start[b] + t) * N + b) * D;
        for (let d = 0; d < D; d++) X[dst + d] = xs[t * D + d];
      }
    }
  });
  const results = new Array<BpttResult>(N);
  for (let b = 0; b < N; b++) {
    const T = Tmax - start[b];
    const hiddenGradNorms = new Float64Array(T);
    for (let t = 0; t < T; t++) hiddenGradNorms[t] = Math.sqrt(trace.dhSq[(start[b] + t) * N + b]);
    // Row b's steps are N rows apart in the time-major buffers.
    const grads = weightGrads(sizes, plan, trace, ws, start[b] * N + b, 1, T, N);
    results[order[b]] = { loss: trace.rowLoss[b], hiddenGradNorms, grads, gradNorm: globalNorm(grads) };
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
  sizes: Sizes, plan: LockstepPlan, trace: LockstepTrace, ws: BpttWorkspace, first: number, rowsPerStep: number, count: number, rowStep: number,
): RnnGrads {
  const { D, H, O } = sizes;
  const { N } = plan;
  const g = zeroGrads(sizes);
  const mul = ws.products;
  // The three products accumulate into workspace buffers (the SIMD kernels' memory, if in use).
  const gWxh = ws.take('gWxh', H * D).fill(0), gWhh = ws.take('gWhh', H * H).fill(0), gWhy = ws.take('gWhy', O * H).fill(0);
  let { DA, X, hs } = trace;
  let daFirst = first, hsFirst = first, step = rowStep;
  if (rowStep > 1) {
    // One sequence's rows lie N rows apart: gather them into contiguous rows first, or the products
    // below would hop across memory at a stride that makes the cache thrash.
    DA = gatherRows(ws.take('gatherDA', count * H), trace.DA, first, rowStep, count, H);
    X = gatherRows(ws.take('gatherX', count * D), trace.X, first, rowStep, count, D);
    hs = gatherRows(ws.take('gatherH', (count + 1) * H), trace.hs, first, rowStep, count + 1, H);
    daFirst = 0; hsFirst = 0; step = 1;
  }
  mul.atbAccumulate(H, D, count, DA, daFirst * H, step * H, X, daFirst * D, step * D, gWxh, 0, D);
  mul.atbAccumulate(H, H, count, DA, daFirst * H, step * H, hs, hsFirst * H, step * H, gWhh, 0, H);
  sumRows(g.bh, DA, daFirst * H, step * H, count, H);
  // The output layer only sees the steps in the loss: the last one, or all of them (a step mask
  // leaves DY at zero on the steps outside the loss, so summing all steps is right).
  const lastOnly = plan.loss.at === 'last';
  const outFirst = lastOnly ? first + (count - rowsPerStep) * rowStep : first;
  const outCount = lastOnly ? rowsPerStep : count;
  const hOut = rowStep > 1 ? hs : trace.hs;
  const hOutFirst = rowStep > 1 ? (outFirst - first) / rowStep + 1 : outFirst + N;
  mul.atbAccumulate(O, H, outCount, trace.DY, outFirst * O, rowStep * O, hOut, hOutFirst * H, step * H, gWhy, 0, H);
  g.Wxh.data.set(gWxh);
  g.Whh.data.set(gWhh);
  g.Why.data.set(gWhy);
  sumRows(g.by, trace.DY, outFirst * O, rowStep * O, outCount, O);
  return g;
}

/** Copies `count` rows of `width` numbers, `step` rows apart from row `first`, into `out`. */
function gatherRows(out: Float64Array, from: Float64Array, first: number, step: number, count: number, width: number): Float64Array {
  for (let r = 0; r < count; r++) {
    const src = (first + r * step) * width, dst = r * width;
    for (let j = 0; j < width; j++) out[dst + j] = from[src + j];
  }
  return out;
}

function sumRows(out: Float64Array, A: Float64Array, off: number, stride: number, rows: number, width: number): void {
  for (let r = 0; r < rows; r++) {
    const base = off + r * stride;
    for (let j = 0; j < width; j++) out[j] += A[base + j];
  }
}

/** How many numbers of scratch a call over `sequences` rows of up to `maxT` steps takes. */
export function scratchSize(sizes: Sizes, sequences: number, maxT: number): number {
  return Object.values(lockstepBuffers(sizes, sequences, maxT)).reduce((a, b) => a + b, 0);
}

import { inLoss, validateBatch, validateLoss, validateTargets, type LossSpec, type SequenceBatch, type Targets } from './batch';
import { BpttWorkspace } from './fast/workspace';
import { bpttBatchFast, bpttEachFast, type SingleSequence } from './fast/fastBptt';
import { lockstepBuffers } from './fast/lockstep';
import { forwardUnchecked, type ForwardTrace } from './forward';
import { EngineInputError } from './errors';
import { stepLossAndGrad } from './loss';
import { trainedBuffers, validateParams, zeroGrads, type RnnGrads, type RnnParams, type Sizes } from './params';
import { sumOfSquares, transpose } from './tensor';

/** What one forward + backward pass through time produces. */
export interface BpttResult {
  /** L = (1/B) Σ_b Σ_{t∈S} ℓ(y_t, target_t). */
  readonly loss: number;
  /**
   * ‖dL/dh_t‖ for t = 1..T (index t−1): the Frobenius norm over the B×H matrix of the TOTAL
   * derivative — through y_t and through every later step. This is what the lesson plots.
   */
  readonly hiddenGradNorms: Float64Array;
  /** dL/dθ for the five trained parameters. Shared weights: summed over every step. */
  readonly grads: RnnGrads;
  /** sqrt of the sum of squares of every entry of all five gradients. */
  readonly gradNorm: number;
}

/**
 * Full backpropagation through time for the batch-mean loss. Validates every input. Pass a
 * workspace to reuse its scratch buffers across calls (training loops, benchmarks).
 */
export function bptt(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, workspace?: BpttWorkspace): BpttResult {
  const sizes = validateParams(p);
  validateBatch(batch, sizes.D);
  validateLoss(loss);
  validateTargets(targets, loss, batch.B, batch.T, sizes.O);
  return bpttUnchecked(p, batch, targets, loss, sizes, workspace);
}

/**
 * bptt() without validation, for loops that validated once (training, sweeps, benchmarks). Runs the
 * fast path (fast/fastBptt.ts: the batch as matrix–matrix products); `bpttReadable` below is the
 * same maths written plainly, and the tests hold the two to each other and to the golden cases.
 */
export function bpttUnchecked(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, sizes: Sizes, workspace?: BpttWorkspace,
): BpttResult {
  return bpttBatchFast(p, batch, targets, loss, sizes, workspace ?? workspaceFor(sizes, batch.B, batch.T));
}

let shared: BpttWorkspace | undefined;

/** Problems whose scratch needs more numbers than this (32 MB) get a workspace of their own. */
const SHARED_WORKSPACE_LIMIT = 4_000_000;

/**
 * The workspace used when the caller passes none: a shared one, because a WebAssembly memory per
 * call would cost more than a small BPTT itself (safe: a BPTT call runs to the end without calling
 * out, and results never alias the workspace); but a fresh one for big problems, so the shared one
 * never holds on to more than 32 MB after a large run.
 */
export function workspaceFor(sizes: Sizes, sequences: number, maxT: number): BpttWorkspace {
  const need = Object.values(lockstepBuffers(sizes, sequences, maxT)).reduce((a, b) => a + b, 0);
  if (need > SHARED_WORKSPACE_LIMIT) return new BpttWorkspace();
  shared ??= new BpttWorkspace();
  return shared;
}

/** The readable BPTT: forward() then backward(), one sequence and one step at a time. No validation. */
export function bpttReadable(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, sizes: Sizes): BpttResult {
  const trace = forwardUnchecked(p, batch, sizes);
  return backward(p, batch, targets, loss, trace);
}

/**
 * BPTT of independent single sequences (B = 1 each) that may have different lengths, e.g. a sweep
 * over T: the same results as one bptt() per sequence, computed together. Validates every input.
 */
export function bpttEach(p: RnnParams, sequences: readonly SingleSequence[], loss: LossSpec, workspace?: BpttWorkspace): BpttResult[] {
  const sizes = validateParams(p);
  validateLoss(loss);
  sequences.forEach(({ batch, targets }, i) => {
    const field = `sequences[${i}]`;
    if (batch.B !== 1) throw new EngineInputError(`${field}.xs`, `must hold one sequence (B = 1), got B = ${batch.B}`);
    validateBatch(batch, sizes.D, `${field}.xs`);
    validateTargets(targets, loss, 1, batch.T, sizes.O, `${field}.targets`);
  });
  const maxT = sequences.reduce((m, s) => Math.max(m, s.batch.T), 0);
  return bpttEachFast(p, sequences, loss, sizes, workspace ?? workspaceFor(sizes, sequences.length, maxT));
}

/** The backward sweep, from step T down to 1, over a recorded forward trace. */
export function backward(p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, trace: ForwardTrace): BpttResult {
  const { B, T, xs } = batch;
  const { D, H, O } = trace.sizes;
  const { hs, ys } = trace;
  const g = zeroGrads(trace.sizes);
  const dWxh = g.Wxh.data, dWhh = g.Whh.data, dbh = g.bh, dWhy = g.Why.data, dby = g.by;
  const Why = p.Why.data;
  // Whhᵀ row by row, so dL/dh_{t−1} = Whhᵀ da_t walks contiguous memory.
  const WhhT = transpose(p.Whh).data;
  const scale = 1 / B;

  const dh = new Float64Array(B * H); // dL/dh_t, total
  const dhNext = new Float64Array(B * H); // the part of dL/dh_t that comes from step t+1
  const da = new Float64Array(B * H); // dL/da_t
  const dy = new Float64Array(O);
  const hiddenGradNorms = new Float64Array(T);
  let L = 0;

  for (let t = T - 1; t >= 0; t--) {
    const hBase = (t + 1) * B * H; // h_t (1-based step t+1)
    const hPrevBase = t * B * H; // h_{t−1}
    const counted = inLoss(loss, t, T);
    dh.set(dhNext);
    for (let b = 0; b < B; b++) {
      const hOff = hBase + b * H;
      if (counted) {
        // Through the output: dL/dh_t += Whyᵀ dL/dy_t, and the output layer's own gradients.
        L += scale * stepLossAndGrad(targets, ys, (t * B + b) * O, O, b * T + t, scale, dy, 0);
        for (let k = 0; k < O; k++) {
          const dyk = dy[k];
          dby[k] += dyk;
          const wy = k * H;
          for (let j = 0; j < H; j++) {
            dWhy[wy + j] += dyk * hs[hOff + j];
            dh[b * H + j] += Why[wy + j] * dyk;
          }
        }
      }
      // da_t = dh_t ⊙ tanh'(a_t), with tanh'(a_t) = 1 − h_t².
      for (let j = 0; j < H; j++) {
        const h = hs[hOff + j];
        da[b * H + j] = dh[b * H + j] * (1 - h * h);
      }
    }
    hiddenGradNorms[t] = Math.sqrt(sumOfSquares(dh));

    for (let b = 0; b < B; b++) {
      const xOff = (b * T + t) * D;
      const hPrevOff = hPrevBase + b * H;
      const daOff = b * H;
      for (let i = 0; i < H; i++) {
        const dai = da[daOff + i];
        dbh[i] += dai;
        // The same Wxh and Whh act at every step, so their gradients accumulate over time.
        const wx = i * D;
        for (let d = 0; d < D; d++) dWxh[wx + d] += dai * xs[xOff + d];
        const wh = i * H;
        for (let j = 0; j < H; j++) dWhh[wh + j] += dai * hs[hPrevOff + j];
      }
      // dL/dh_{t−1} through the recurrence: Whhᵀ da_t.
      for (let j = 0; j < H; j++) {
        const row = j * H;
        let s = 0;
        for (let i = 0; i < H; i++) s += WhhT[row + i] * da[daOff + i];
        dhNext[daOff + j] = s;
      }
    }
  }
  return { loss: L, hiddenGradNorms, grads: g, gradNorm: globalNorm(g) };
}

/** sqrt(Σ over every entry of all five gradients of entry²). */
export function globalNorm(g: RnnGrads): number {
  let s = 0;
  for (const buf of trainedBuffers(g)) s += sumOfSquares(buf);
  return Math.sqrt(s);
}

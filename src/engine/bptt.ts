import { inLoss, type LossSpec, type SequenceBatch, type Targets } from './batch';
import { globalNorm } from './clip';
import { stepLossAndGrad } from './loss';
import { zeroGrads, type RnnParams, type Sizes } from './params';
import type { BpttResult, ForwardTrace } from './result';
import type { Matrix } from './tensor';

/**
 * START HERE. Backpropagation through time for the tanh RNN, written the way the lesson writes it:
 *
 *   forward, t = 1..T                      backward, t = T..1
 *   a_t = Wxh x_t + Whh h_{t−1} + bh       dh_t  = Whyᵀ dy_t + dhNext          (dhNext = 0 at t = T)
 *   h_t = tanh(a_t)                        da_t  = dh_t ⊙ (1 − h_t²)           (tanh'(a_t) = 1 − h_t²)
 *   y_t = Why h_t + by                     dWxh += da_t x_tᵀ,  dWhh += da_t h_{t−1}ᵀ,  dbh += da_t
 *   L  += ℓ(y_t, target_t) if t counts    dWhy += dy_t h_tᵀ,  dby += dy_t     (steps in the loss)
 *                                          dhNext = Whhᵀ da_t                  (the recurrent path)
 *
 * One sequence at a time, one step at a time, one line per line of maths. The same weights act at
 * every step, so their gradients ACCUMULATE (+=) over the steps. This is the engine's reference for
 * people; what runs is the fast path (an engine's bptt(), fast/fastBptt.ts: the same maths as matrix–matrix
 * products over a whole batch), and reference/plainBptt.ts is an independent oracle for the tests.
 *
 * `variant` swaps one line for a known-wrong one (e.g. 1 − a² for the tanh derivative), or stops
 * the backward sweep after k steps (truncated BPTT), so the checker's library of mistakes computes
 * what a student's buggy bptt returns from this same code.
 */

/** One choice per line of the backward pass that students get wrong; CORRECT_VARIANT is the maths. */
export interface BpttVariant {
  /** Which steps' shares enter dWxh, dWhh, dbh: all of them (right: +=), or only step 1 or step T (=). */
  readonly shared: 'sum' | 'first-step' | 'last-step';
  /** The same for dWhy, dby, over the steps in the loss: all (right), or only the first or last one. */
  readonly outputShared: 'sum' | 'first-step' | 'last-step';
  /** Whether dh_t includes dhNext, the path through h_{t+1} (right), or only the output at step t. */
  readonly recurrentPath: boolean;
  /** The factor in da_t = dh_t ⊙ f: 1 − h_t² (right), 1 − a_t², 1 − h_t, or none (f = 1). */
  readonly derivative: 'one-minus-h2' | 'one-minus-a2' | 'one-minus-h' | 'none';
  /** The state in dWhh += da_t ·ᵀ: h_{t−1} (right), h_t, or h_{t−1} but skipping h_0 (t = 1). */
  readonly whhInput: 'h-prev' | 'h-current' | 'skip-h0';
  /**
   * How many steps the backward sweep runs: null, back to step 1 (right); k, only t = T, T−1, …,
   * T−k+1, so dL/dh_t = 0 before step T−k+1 and those steps add nothing to dWxh, dWhh, dbh.
   * dWhy and dby still take every step in the loss: dy_t reaches Why without going back in time.
   */
  readonly truncate: number | null;
}

export const CORRECT_VARIANT: BpttVariant = {
  shared: 'sum', outputShared: 'sum', recurrentPath: true, derivative: 'one-minus-h2', whhInput: 'h-prev', truncate: null,
};

/** The readable BPTT's result: bptt()'s, plus every dL/dh_t itself (not only its norm). */
export interface ReadableBpttResult extends BpttResult {
  /** dL/dh_t (total) of sequence b at step t = 1..T: `hiddenGrads[((t − 1)·B + b)·H + j]`. */
  readonly hiddenGrads: Float64Array;
}

/** One sequence's forward pass: a_t, h_t (with h_0 at index 0) and y_t, t = 1..T at index t. */
interface SequenceTrace {
  readonly a: Float64Array[];
  readonly h: Float64Array[];
  readonly y: Float64Array[];
}

/**
 * The readable BPTT of the batch-mean loss L = (1/B) Σ_b Σ_{t in the loss} ℓ(y_t, target_t).
 * No validation (an engine's bptt() validates; call this with inputs that passed it).
 */
export function readableBptt(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, variant: BpttVariant = CORRECT_VARIANT,
): ReadableBpttResult {
  const { B, T } = batch;
  const { D, H, O } = sizesOfParams(p);
  const g = zeroGrads({ D, H, O });
  const hiddenGrads = new Float64Array(T * B * H);
  const lossSteps = stepsInLoss(loss, T);
  const firstSwept = variant.truncate === null ? 1 : T - variant.truncate + 1; // the sweep runs t = T..firstSwept
  let L = 0;

  for (let b = 0; b < B; b++) {
    const x = (t: number): Float64Array => batch.xs.subarray((b * T + t - 1) * D, (b * T + t) * D);
    const { a, h, y } = forwardSequence(p, x, T);

    let dhNext: Float64Array = new Float64Array(H);
    for (let t = T; t >= 1; t--) {
      const dh = variant.recurrentPath ? dhNext.slice() : new Float64Array(H);
      if (lossSteps.includes(t)) {
        // dy_t = dℓ/dy_t (with the 1/B of the batch mean); the output layer is shared by every step too.
        const dy = new Float64Array(O);
        L += (1 / B) * stepLossAndGrad(targets, y[t], 0, O, b * T + t - 1, 1 / B, dy, 0);
        if (keepsStep(variant.outputShared, t, lossSteps[0], lossSteps[lossSteps.length - 1])) {
          addOuter(g.Why, dy, h[t]); // dWhy += dy_t h_tᵀ
          addTo(g.by, dy); //            dby  += dy_t
        }
        addTo(dh, matTVec(p.Why, dy)); // dh_t += Whyᵀ dy_t
      }
      if (t < firstSwept) continue; // a truncated sweep has stopped: dL/dh_t = 0 from here back
      hiddenGrads.set(dh, ((t - 1) * B + b) * H);

      const da = dh.map((dhi, i) => dhi * tanhDerivative(variant, h[t][i], a[t][i])); // da_t = dh_t ⊙ (1 − h_t²)
      if (keepsStep(variant.shared, t, 1, T)) {
        addOuter(g.Wxh, da, x(t)); //  dWxh += da_t x_tᵀ
        if (!(variant.whhInput === 'skip-h0' && t === 1)) {
          addOuter(g.Whh, da, variant.whhInput === 'h-current' ? h[t] : h[t - 1]); // dWhh += da_t h_{t−1}ᵀ
        }
        addTo(g.bh, da); //            dbh  += da_t
      }
      dhNext = matTVec(p.Whh, da); //  dL/dh_{t−1} through the recurrence: Whhᵀ da_t
    }
  }
  return { loss: L, hiddenGradNorms: stepNorms(hiddenGrads, T, B * H), grads: g, gradNorm: globalNorm(g), hiddenGrads };
}

/** a_t = Wxh x_t + Whh h_{t−1} + bh,  h_t = tanh(a_t),  y_t = Why h_t + by  for t = 1..T. */
function forwardSequence(p: RnnParams, x: (t: number) => Float64Array, T: number): SequenceTrace {
  const a: Float64Array[] = [new Float64Array(0)];
  const h: Float64Array[] = [p.h0];
  const y: Float64Array[] = [new Float64Array(0)];
  for (let t = 1; t <= T; t++) {
    a.push(plus(plus(matVec(p.Wxh, x(t)), matVec(p.Whh, h[t - 1])), p.bh));
    h.push(a[t].map(Math.tanh));
    y.push(plus(matVec(p.Why, h[t]), p.by));
  }
  return { a, h, y };
}

/** The readable forward pass alone, for every sequence of the batch (tests hold the fast one to it). */
export function readableForward(p: RnnParams, batch: SequenceBatch, sizes: Sizes): ForwardTrace {
  const { B, T, xs } = batch;
  const { D, H, O } = sizes;
  const hs = new Float64Array((T + 1) * B * H);
  const ys = new Float64Array(T * B * O);
  for (let b = 0; b < B; b++) {
    const { h, y } = forwardSequence(p, (t) => xs.subarray((b * T + t - 1) * D, (b * T + t) * D), T);
    for (let t = 0; t <= T; t++) hs.set(h[t], (t * B + b) * H);
    for (let t = 1; t <= T; t++) ys.set(y[t], ((t - 1) * B + b) * O);
  }
  return { B, T, sizes, hs, ys };
}

/** The steps t = 1..T in the loss, in order. */
function stepsInLoss(loss: LossSpec, T: number): number[] {
  const steps: number[] = [];
  for (let t = 1; t <= T; t++) if (inLoss(loss, t - 1, T)) steps.push(t);
  return steps;
}

/** Whether step t's share is added, for a shared-weight rule (`first`/`last`: the steps it keeps). */
function keepsStep(rule: BpttVariant['shared'], t: number, first: number, last: number): boolean {
  return rule === 'sum' || (rule === 'first-step' && t === first) || (rule === 'last-step' && t === last);
}

function tanhDerivative(variant: BpttVariant, h: number, a: number): number {
  switch (variant.derivative) {
    case 'one-minus-h2': return 1 - h * h;
    case 'one-minus-a2': return 1 - a * a;
    case 'one-minus-h': return 1 - h;
    case 'none': return 1;
  }
}

/** ‖dL/dh_t‖ for every step: one Frobenius norm over the `width` = B·H numbers of step t. */
function stepNorms(perStep: Float64Array, T: number, width: number): Float64Array {
  const norms = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    for (let i = t * width; i < (t + 1) * width; i++) s += perStep[i] * perStep[i];
    norms[t] = Math.sqrt(s);
  }
  return norms;
}

function sizesOfParams(p: RnnParams): Sizes {
  return { D: p.Wxh.cols, H: p.Wxh.rows, O: p.Why.rows };
}

/** M v */
function matVec(M: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < M.cols; j++) out[i] += M.data[i * M.cols + j] * v[j];
  }
  return out;
}

/** Mᵀ v */
function matTVec(M: Matrix, v: Float64Array): Float64Array {
  const out = new Float64Array(M.cols);
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < M.cols; j++) out[j] += M.data[i * M.cols + j] * v[i];
  }
  return out;
}

/** u + v */
function plus(u: Float64Array, v: Float64Array): Float64Array {
  return u.map((ui, i) => ui + v[i]);
}

/** acc += v */
function addTo(acc: Float64Array, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) acc[i] += v[i];
}

/** G += u vᵀ */
function addOuter(G: Matrix, u: Float64Array, v: Float64Array): void {
  for (let i = 0; i < u.length; i++) {
    for (let j = 0; j < v.length; j++) G.data[i * G.cols + j] += u[i] * v[j];
  }
}

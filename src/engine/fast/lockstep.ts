import type { LossSpec, Targets } from '../batch';
import { stepLossAndGrad } from '../loss';
import type { RnnParams, Sizes } from '../params';
import type { BpttWorkspace } from './workspace';

/**
 * Several sequences unrolled IN LOCKSTEP, so every step is one matrix–matrix product over all of
 * them instead of one matrix–vector product each. Rows are sequences. Sequences of different
 * lengths are right-aligned (all end at the last global step; row b starts at step `start[b]`),
 * and rows are ordered longest first, so the rows active at a step are always a prefix 0..active[s]−1.
 * Equal lengths (a batch) are the special case start[b] = 0 for every row.
 *
 * Layout, time-major with N row slots per step (slots of rows not yet started are never touched):
 *   X  [(s·N + b)·D + d]       input of row b at global step s
 *   hs [(s·N + b)·H + j]       h before step s (slot 0 holds h0 for rows starting at 0; row b's h0
 *                              sits in slot start[b]); slot s+1 is h after step s
 *   DY [(s·N + b)·O + k]       dL/dy at step s (only for steps in the loss)
 *   DA [(s·N + b)·H + j]       dL/da at step s
 *   dhSq[s·N + b]              ‖dL/dh‖² of row b after step s (the total hidden gradient)
 */
export interface LockstepPlan {
  readonly N: number;
  readonly Tmax: number;
  readonly start: Int32Array;
  readonly active: Int32Array;
  /** The 1/B of a batch mean, or 1 for independent sequences. */
  readonly scale: number;
  readonly loss: LossSpec;
  /** Targets of row b, and the index of its first step in them (b·T in a batch, 0 alone). */
  readonly targetsOf: (b: number) => Targets;
  readonly targetBase: Int32Array;
  /** Where to copy every dL/dh (slot s·N + b, H numbers each), or null when not asked for. */
  readonly hiddenGrads: Float64Array | null;
}

export interface LockstepTrace {
  readonly X: Float64Array;
  readonly hs: Float64Array;
  readonly DY: Float64Array;
  readonly DA: Float64Array;
  readonly dhSq: Float64Array;
  /** The loss of each row (already multiplied by plan.scale). */
  readonly rowLoss: Float64Array;
}

/**
 * Whether global step s is in the loss (right-aligned rows all end at step Tmax−1; a step mask is
 * only used with rows of equal length, so global step s is everyone's step s + 1).
 */
export function stepCounted(plan: LockstepPlan, s: number): boolean {
  const { at } = plan.loss;
  if (at === 'all') return true;
  if (at === 'last') return s === plan.Tmax - 1;
  return at[s];
}

/**
 * Forward through every step, the loss, and the backward recurrence (dL/dh and dL/da for every
 * step). The weight gradients are left to the caller: they are sums over rows of DA, X, hs and DY
 * that do not depend on the order of steps, so they are computed afterwards as a few large
 * products (see gemmAtBAccumulate).
 * `fillInputs(X)` writes each active row's inputs into X.
 */
export function runLockstep(
  p: RnnParams, sizes: Sizes, plan: LockstepPlan, ws: BpttWorkspace,
  fillInputs: (X: Float64Array) => void,
): LockstepTrace {
  const { D, H, O } = sizes;
  const { N, Tmax, start, active } = plan;
  const by = p.by;
  const mul = ws.products, step = ws.elementwise;
  // The weights are copied next to the other buffers (into the SIMD kernels' memory, if in use).
  const Wxh = copyInto(ws.take('Wxh', H * D), p.Wxh.data);
  const Whh = copyInto(ws.take('Whh', H * H), p.Whh.data);
  const Why = copyInto(ws.take('Why', O * H), p.Why.data);
  const bh = copyInto(ws.take('bh', H), p.bh);
  const X = ws.take('X', Tmax * N * D);
  const hs = ws.take('hs', (Tmax + 1) * N * H);
  const pre = ws.take('pre', N * H);
  const Y = ws.take('Y', N * O);
  const DY = ws.take('DY', Tmax * N * O);
  const DA = ws.take('DA', Tmax * N * H);
  const dh = ws.take('dh', N * H);
  const dhNext = ws.take('dhNext', N * H);
  const dhSq = ws.take('dhSq', Tmax * N);
  // Whhᵀ and Whyᵀ once per call, so the backward products also walk contiguous rows.
  const WhhT = transposeInto(ws.take('WhhT', H * H), Whh, H, H);
  const WhyT = transposeInto(ws.take('WhyT', H * O), Why, O, H);
  const rowLoss = new Float64Array(N);

  fillInputs(X);
  for (let b = 0; b < N; b++) hs.set(p.h0, (start[b] * N + b) * H);

  // Forward: a_s = X_s Wxhᵀ + H_{s−1} Whhᵀ + bh;  h_s = tanh(a_s);  y_s = H_s Whyᵀ + by.
  for (let s = 0; s < Tmax; s++) {
    const n = active[s];
    recurrentStep(ws, n, N, D, H, s, X, Wxh, Whh, bh, hs, pre);
    const hOut = (s + 1) * N * H;
    if (!stepCounted(plan, s)) {
      DY.fill(0, s * N * O, (s + 1) * N * O); // no output gradient at this step (see weightGrads)
      continue;
    }
    mul.abt(n, O, H, hs, hOut, H, Why, 0, H, Y, 0, O, false);
    for (let b = 0; b < n; b++) {
      for (let k = 0; k < O; k++) Y[b * O + k] += by[k];
      const targetIndex = plan.targetBase[b] + s - start[b];
      rowLoss[b] += plan.scale * stepLossAndGrad(plan.targetsOf(b), Y, b * O, O, targetIndex, plan.scale, DY, (s * N + b) * O);
    }
  }

  // Backward, from the last step to the first: dh_s = DY_s Why + dhNext;  da_s = dh_s ⊙ (1 − h_s²);
  // dhNext = da_s Whh (the part of dL/dh_{s−1} that comes through the recurrence).
  dhNext.fill(0); // nothing comes back from beyond the last step (and the workspace is not cleared)
  for (let s = Tmax - 1; s >= 0; s--) {
    const n = active[s];
    if (stepCounted(plan, s)) {
      mul.abt(n, H, O, DY, s * N * O, O, WhyT, 0, O, dh, 0, H, false);
    } else {
      dh.fill(0, 0, n * H);
    }
    step.backStep(n, H, dh, dhNext, true, hs, (s + 1) * N * H, DA, s * N * H, dhSq, s * N);
    plan.hiddenGrads?.set(dh.subarray(0, n * H), s * N * H);
    const daAt = s * N * H;
    const nPrev = s > 0 ? active[s - 1] : 0;
    if (nPrev > 0) mul.abt(nPrev, H, H, DA, daAt, H, WhhT, 0, H, dhNext, 0, H, false);
  }
  return { X, hs, DY, DA, dhSq, rowLoss };
}

/**
 * One forward step of the first n rows: a_s = X_s Wxhᵀ + H_{s−1} Whhᵀ + bh, h_s = tanh(a_s), written
 * into slot s + 1 of hs (N row slots per step).
 */
export function recurrentStep(
  ws: BpttWorkspace, n: number, N: number, D: number, H: number, s: number,
  X: Float64Array, Wxh: Float64Array, Whh: Float64Array, bh: Float64Array, hs: Float64Array, pre: Float64Array,
): void {
  ws.products.abt(n, H, D, X, s * N * D, D, Wxh, 0, D, pre, 0, H, false);
  ws.products.abt(n, H, H, hs, s * N * H, H, Whh, 0, H, pre, 0, H, true);
  ws.elementwise.tanhRows(n, H, pre, bh, hs, (s + 1) * N * H);
}

/** Every buffer a lockstep run and its weight gradients take, by name → entries (for ws.reserve). */
export function lockstepBuffers({ D, H, O }: Sizes, N: number, Tmax: number): Record<string, number> {
  return {
    Wxh: H * D, Whh: H * H, Why: O * H, bh: H, WhhT: H * H, WhyT: H * O,
    X: Tmax * N * D, hs: (Tmax + 1) * N * H, pre: N * H, Y: N * O, DY: Tmax * N * O, DA: Tmax * N * H,
    dh: N * H, dhNext: N * H, dhSq: Tmax * N,
    gWxh: H * D, gWhh: H * H, gWhy: O * H,
    gatherDA: N > 1 ? Tmax * H : 0, gatherX: N > 1 ? Tmax * D : 0, gatherH: N > 1 ? (Tmax + 1) * H : 0,
  };
}

function copyInto(out: Float64Array, from: Float64Array): Float64Array {
  out.set(from);
  return out;
}

function transposeInto(out: Float64Array, m: Float64Array, rows: number, cols: number): Float64Array {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = m[i * cols + j];
  }
  return out;
}

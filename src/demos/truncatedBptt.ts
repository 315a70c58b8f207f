import {
  cloneParams, globalNorm, sgdStep, zeroGrads,
  type Engine, type RnnGrads, type RnnParams, type SequenceTask, type Sizes,
} from '../engine';

/**
 * Truncated BPTT with a window of k steps: the loss at step t sends its gradient back through the
 * steps t, t − 1, …, t − k + 1 only, and the state h_{t−k} it started from counts as a constant (no
 * gradient path longer than k steps). k = 1 leaves no gradient through the recurrence at all: only
 * ∂ℓ_t/∂θ with h_{t−1} held fixed. k ≥ T is full BPTT.
 *
 * Computed with the engine's own BPTT, one short sequence per (sequence, step t) pair: the window
 * ending at t, whose first step reads the held state h_{t−len} as extra input columns (their weights
 * are Whh's), so every window starts from h_0 = 0 and the engine needs no per-sequence initial state.
 */
export function truncatedGrads(engine: Engine, p: RnnParams, task: SequenceTask, window: number, sizes: Sizes): { loss: number; grads: RnnGrads } {
  const { B, T, D, xs } = task.batch;
  const { H, O } = sizes;
  if (task.targets.kind !== 'mse' || task.loss.at !== 'all') throw new Error('truncatedGrads: the echo tasks only (mse at every step)');
  const { hs } = engine.forward(p, task.batch, { validate: false }); // hs[(t·B + b)·H + j] = h_t of sequence b, t = 0..T
  const widened = widenInput(p, D, H);
  const g = zeroGrads(sizes);
  let loss = 0;
  // The windows of one length go to the engine as one batch: those ending at t ≥ k all have length k.
  for (let len = 1; len <= Math.min(window, T); len++) {
    const ends = len < window ? [len] : Array.from({ length: T - len + 1 }, (_, i) => len + i);
    const N = B * ends.length;
    const wx = new Float64Array(N * len * (D + H)), values = new Float64Array(N * len * O);
    let n = 0;
    for (const t of ends) {
      const from = t - len; // the window reads x_{from+1..t} and starts at the held h_from
      for (let b = 0; b < B; b++, n++) {
        for (let s = 0; s < len; s++) {
          for (let d = 0; d < D; d++) wx[(n * len + s) * (D + H) + d] = xs[(b * T + from + s) * D + d];
        }
        wx.set(hs.subarray((from * B + b) * H, (from * B + b + 1) * H), n * len * (D + H) + D);
        values.set(task.targets.values.subarray((b * T + t - 1) * O, (b * T + t) * O), (n * len + len - 1) * O);
      }
    }
    const r = engine.bptt(widened, { B: N, T: len, D: D + H, xs: wx }, { kind: 'mse', values }, { kind: 'mse', at: 'last' }, { validate: false });
    // The engine averages over its N windows; the task's loss averages over the B sequences.
    const scale = N / B;
    loss += scale * r.loss;
    for (let i = 0; i < H; i++) {
      for (let d = 0; d < D; d++) g.Wxh.data[i * D + d] += scale * r.grads.Wxh.data[i * (D + H) + d];
      for (let j = 0; j < H; j++) g.Whh.data[i * H + j] += scale * (r.grads.Whh.data[i * H + j] + r.grads.Wxh.data[i * (D + H) + D + j]);
      g.bh[i] += scale * r.grads.bh[i];
    }
    for (let i = 0; i < O * H; i++) g.Why.data[i] += scale * r.grads.Why.data[i];
    for (let k = 0; k < O; k++) g.by[k] += scale * r.grads.by[k];
  }
  return { loss, grads: g };
}

/** The same cell with input [x_t; h_held]: Wxh' = [Wxh | Whh], and h_0 = 0 so the held state enters once. */
function widenInput(p: RnnParams, D: number, H: number): RnnParams {
  const Wxh = new Float64Array(H * (D + H));
  for (let i = 0; i < H; i++) {
    Wxh.set(p.Wxh.data.subarray(i * D, (i + 1) * D), i * (D + H));
    Wxh.set(p.Whh.data.subarray(i * H, (i + 1) * H), i * (D + H) + D);
  }
  return { ...cloneParams(p), Wxh: { rows: H, cols: D + H, data: Wxh }, h0: new Float64Array(H) };
}

/** One plain SGD step θ − lr·g with the truncated gradient (the engine's one SGD update, no clipping). */
export function truncatedSgdStep(engine: Engine, p: RnnParams, task: SequenceTask, window: number, sizes: Sizes, lr: number, step: number): RnnParams {
  return sgdStep(p, (q) => {
    const { loss, grads } = truncatedGrads(engine, q, task, window, sizes);
    return { loss, grads, gradNorm: globalNorm(grads), hiddenGradNorms: new Float64Array(0) };
  }, { lr, clip: null }, step).params;
}

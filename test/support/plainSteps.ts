import type { LossSpec, RnnParams, SequenceBatch, Targets } from '../../src/engine';

/**
 * The forward pass by plain loops, and a few steps of a problem cut out as a problem of their own:
 * what the tests build the expected results of a truncated BPTT from (with the plain BPTT oracle).
 */

/** One step of the tanh cell, by plain loops: h_t = tanh(Wxh x_t + Whh h_{t−1} + bh). */
export function plainCell(p: RnnParams, hPrev: Float64Array, x: Float64Array): Float64Array {
  const H = p.Wxh.rows, D = p.Wxh.cols;
  const h = new Float64Array(H);
  for (let i = 0; i < H; i++) {
    let a = p.bh[i];
    for (let d = 0; d < D; d++) a += p.Wxh.data[i * D + d] * x[d];
    for (let j = 0; j < H; j++) a += p.Whh.data[i * H + j] * hPrev[j];
    h[i] = Math.tanh(a);
  }
  return h;
}

/** x_t (t = 1..T) of sequence 0. */
export function inputAt(batch: SequenceBatch, t: number): Float64Array {
  return batch.xs.subarray((t - 1) * batch.D, t * batch.D);
}

/** h_t of sequence 0 after steps 1..t (h_0 when t = 0), by plain loops. */
export function stateAfter(p: RnnParams, batch: SequenceBatch, t: number): Float64Array {
  let h = p.h0;
  for (let u = 1; u <= t; u++) h = plainCell(p, h, inputAt(batch, u));
  return h;
}

/**
 * Steps from..to (t = 1..T) of a one-sequence mse problem as a problem of its own: it starts from
 * h_{from−1} and its loss is at the steps `inLoss` picks (by their step number in the whole problem).
 * Plain BPTT on it is what a backward sweep that reaches only those steps computes.
 */
export function stepsWindow(
  pr: { params: RnnParams; batch: SequenceBatch; targets: Targets }, from: number, to: number, inLoss: (t: number) => boolean,
): { params: RnnParams; batch: SequenceBatch; targets: Targets; loss: LossSpec } {
  if (pr.targets.kind !== 'mse' || pr.batch.B !== 1) throw new Error('stepsWindow takes one sequence with mse targets');
  const { D } = pr.batch, O = pr.params.Why.rows, T = to - from + 1;
  return {
    params: { ...pr.params, h0: stateAfter(pr.params, pr.batch, from - 1) },
    batch: { B: 1, T, D, xs: pr.batch.xs.slice((from - 1) * D, to * D) },
    targets: { kind: 'mse', values: pr.targets.values.slice((from - 1) * O, to * O) },
    loss: { kind: 'mse', at: Array.from({ length: T }, (_, i) => inLoss(from + i)) },
  };
}

/**
 * The engine's backward pass on the plot's probe problem, in the lab's terms (loss at step T only):
 * the forward states h_0..h_T, ∂L/∂h_t for t = 1..T and the five parameter gradients. Computed once
 * per change of the controls; the clipping readout and the ∂L/∂Whh panel both read it.
 */
import { forward } from '../../src/engine';
import { bpttMasked, type MaskedBpttResult } from '../../src/engine/masked';
import type { SequenceProblem } from '../../src/demos/sequenceProblem';

export interface ProbeBackward extends MaskedBpttResult {
  /** h_0..h_T (T + 1 states; h_0 is the initial state). */
  readonly hs: Float64Array[];
}

export function probeBackward(problem: SequenceProblem): ProbeBackward {
  const { params, xs, target, T } = problem;
  const D = params.Wxh.cols, H = params.Whh.rows;
  const steps = Array.from({ length: T }, (_, t) => xs.subarray(t * D, (t + 1) * D));
  const result = bpttMasked(params, steps, Array.from({ length: T }, (_, t) => (t === T - 1 ? target : null)));
  const trace = forward(params, { B: 1, T, D, xs });
  return { ...result, hs: Array.from({ length: T + 1 }, (_, t) => trace.hs.slice(t * H, (t + 1) * H)) };
}

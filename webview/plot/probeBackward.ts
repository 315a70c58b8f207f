/**
 * The engine's backward pass on the plot's probe problem, in the lab's terms (loss at step T only):
 * the forward states h_0..h_T, ∂L/∂h_t for t = 1..T and the five parameter gradients. Computed once
 * per change of the controls; the clipping readout and the ∂L/∂Whh panel both read it.
 */
import type { Engine, RnnGrads } from '../../src/engine';
import type { SequenceProblem } from '../../src/demos/sequenceProblem';

export interface ProbeBackward {
  readonly loss: number;
  readonly grads: RnnGrads;
  /** dhs[t − 1] = ∂L/∂h_t for t = 1..T (length H each): through y_t and through every later step. */
  readonly dhs: Float64Array[];
  readonly gradNorm: number;
  /** h_0..h_T (T + 1 states; h_0 is the initial state). */
  readonly hs: Float64Array[];
}

export function probeBackward(engine: Engine, problem: SequenceProblem): ProbeBackward {
  const { params, xs, target, T } = problem;
  const D = params.Wxh.cols, H = params.Whh.rows, O = params.Why.rows;
  const values = new Float64Array(T * O);
  values.set(target, (T - 1) * O);
  const batch = { B: 1, T, D, xs };
  const r = engine.bptt(params, batch, { kind: 'mse', values }, { kind: 'mse', at: 'last' }, { hiddenGrads: true });
  const dh = r.hiddenGrads ?? new Float64Array(T * H);
  const trace = engine.forward(params, batch);
  return {
    loss: r.loss, grads: r.grads, gradNorm: r.gradNorm,
    dhs: Array.from({ length: T }, (_, t) => dh.slice(t * H, (t + 1) * H)),
    hs: Array.from({ length: T + 1 }, (_, t) => trace.hs.slice(t * H, (t + 1) * H)),
  };
}

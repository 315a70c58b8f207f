import { createRng, initParams, type Engine, type RnnParams, type Sizes } from '../engine';

/**
 * The seeded single-sequence problem behind the gradient-norm pictures: a tanh RNN whose Whh is
 * ρ·Q (Q orthogonal, so every eigenvalue has modulus ρ), Gaussian inputs scaled by `inputScale`,
 * and a squared-error loss at the LAST step only — so ‖∂L/∂h_t‖ shows how much of the loss's
 * gradient survives the trip back from step T to step t.
 */
export interface SequenceProblemOptions {
  readonly radius: number;
  readonly T: number;
  readonly sizes: Sizes;
  readonly inputScale: number;
  readonly seed: number;
}

export interface SequenceProblem {
  readonly params: RnnParams;
  /** T×D, flat: `xs[t·D + d]`. */
  readonly xs: Float64Array;
  /** The target of the last step (O numbers); earlier steps have none. */
  readonly target: Float64Array;
  readonly T: number;
}

export function sequenceProblem(o: SequenceProblemOptions): SequenceProblem {
  const rng = createRng(o.seed);
  const params = initParams(o.sizes, rng, { scheme: 'gaussian', whh: { kind: 'scaled-orthogonal', radius: o.radius } });
  // The inputs come from their own stream, so changing T keeps the weights and the first inputs.
  const inputs = createRng(o.seed + 1);
  const xs = new Float64Array(o.T * o.sizes.D);
  for (let i = 0; i < xs.length; i++) xs[i] = o.inputScale * inputs.normal();
  const target = new Float64Array(o.sizes.O).fill(1);
  return { params, xs, target, T: o.T };
}

/** ‖∂L/∂h_t‖ for t = 1..T of the tanh RNN, from the engine's BPTT. */
export function tanhHiddenGradNorms(engine: Engine, problem: SequenceProblem): Float64Array {
  return tanhBptt(engine, problem).hiddenGradNorms;
}

/** The engine's BPTT on the problem: ‖∂L/∂h_t‖ per step and the global gradient norm. */
export function tanhBptt(engine: Engine, problem: SequenceProblem): { hiddenGradNorms: Float64Array; gradNorm: number } {
  const { params, xs, target, T } = problem;
  const D = params.Wxh.cols, O = params.Why.rows;
  const values = new Float64Array(T * O);
  values.set(target, (T - 1) * O);
  return engine.bptt(params, { B: 1, T, D, xs }, { kind: 'mse', values }, { kind: 'mse', at: 'last' }, { validate: false });
}

/**
 * ‖∂L/∂h_t‖ (t = 1..T) of the problem cut at every length T = 1..problem.T (the same weights and the
 * first T inputs, the target at step T), from one engine call that runs all the lengths together.
 */
export function hiddenGradNormsByLength(engine: Engine, problem: SequenceProblem): Float64Array[] {
  const { params, xs, target } = problem;
  const D = params.Wxh.cols, O = params.Why.rows;
  const sequences = Array.from({ length: problem.T }, (_, i) => {
    const T = i + 1;
    const values = new Float64Array(T * O);
    values.set(target, (T - 1) * O);
    return { batch: { B: 1, T, D, xs: xs.subarray(0, T * D) }, targets: { kind: 'mse' as const, values } };
  });
  return engine.bptt(params, sequences, { kind: 'mse', at: 'last' }, { each: true }).map((r) => r.hiddenGradNorms);
}

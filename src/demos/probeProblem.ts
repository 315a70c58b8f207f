import { clipDecision, paramsToNested, type Engine, type NestedParams } from '../engine';
import { sequenceProblem, tanhBptt, type SequenceProblem } from './sequenceProblem';

/**
 * The fixed probe problem of the student gradient plot: the same seeded weights and inputs are
 * given to the student's `bptt` (in the checker's sandbox) and to the engine, so their
 * ‖∂L/∂h_t‖ curves must agree step by step.
 */
export interface ProbeControls {
  /** Spectral radius ρ of Whh (Whh = ρ·Q, Q orthogonal). */
  readonly radius: number;
  /** Sequence length T. */
  readonly T: number;
  /** The inputs are N(0, 1)·inputScale. */
  readonly inputScale: number;
  /** Global-norm clipping threshold, or null for none. */
  readonly clip: number | null;
}

export const PROBE_DEFAULTS: ProbeControls = { radius: 0.9, T: 50, inputScale: 0.5, clip: null };
export const PROBE_SIZES = { D: 4, H: 64, O: 2 } as const;
export const PROBE_SEED = 6;

/** Choices the controls offer (the student's code runs once per change, so keep them discrete). */
export const PROBE_RADII = [0.5, 0.8, 0.9, 1.0, 1.1, 1.5] as const;
export const PROBE_LENGTHS = [10, 25, 50, 100, 200] as const;

export function probeProblem(c: ProbeControls): SequenceProblem {
  return sequenceProblem({ radius: c.radius, T: c.T, sizes: PROBE_SIZES, inputScale: c.inputScale, seed: PROBE_SEED });
}

/** The probe in the student API's shapes: nested params, xs T×D, targets with null before step T. */
export interface StudentProbeInput {
  readonly params: NestedParams;
  readonly h0: number[];
  readonly xs: number[][];
  readonly targets: (number[] | null)[];
}

export function studentProbeInput(problem: SequenceProblem): StudentProbeInput {
  const { params, xs, target, T } = problem;
  const D = params.Wxh.cols;
  const nested = paramsToNested(params);
  return {
    params: nested,
    h0: nested.h0,
    xs: Array.from({ length: T }, (_, t) => Array.from(xs.subarray(t * D, (t + 1) * D))),
    targets: Array.from({ length: T }, (_, t) => (t === T - 1 ? Array.from(target) : null)),
  };
}

/** The engine's side of the plot: ‖∂L/∂h_t‖ for t = 1..T, and what clipping would make of it. */
export interface EngineProbe {
  readonly norms: number[];
  /** The global norm of all five parameter gradients. */
  readonly gradNorm: number;
  /**
   * min(1, clip / gradNorm): the factor clipping by the global norm applies to the five parameter
   * gradients, after backpropagation. ‖∂L/∂h_t‖ is never rescaled by it.
   */
  readonly clipFactor: number;
}

export function engineProbe(engine: Engine, problem: SequenceProblem, clip: number | null): EngineProbe {
  const { hiddenGradNorms, gradNorm } = tanhBptt(engine, problem);
  const clipFactor = clip === null ? 1 : clipDecision(gradNorm, clip).scale;
  return { norms: Array.from(hiddenGradNorms), gradNorm, clipFactor };
}

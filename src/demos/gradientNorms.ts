import { linearHiddenGradNorms } from './linearGradNorms';
import { sequenceProblem, tanhHiddenGradNorms } from './sequenceProblem';
import { oneTo, type Series } from './series';

/** The "Gradient norms across time steps" demo: one curve per spectral radius and unit. */
export interface GradientNormsOptions {
  readonly radii: readonly number[];
  readonly T: number;
  readonly H: number;
  readonly inputScale: number;
  readonly seed: number;
}

export const GRADIENT_NORMS_DEFAULTS: GradientNormsOptions = { radii: [0.5, 0.9, 1.0, 1.5], T: 60, H: 32, inputScale: 0.1, seed: 10 };

export interface GradientNormsResult {
  readonly options: GradientNormsOptions;
  /** ‖∂L/∂h_t‖ against t for tanh units, one series per radius ("ρ = 0.9"). */
  readonly tanh: Series[];
  /** The same problems with linear units (h_t = a_t). */
  readonly linear: Series[];
}

/** The tanh and linear curves of one spectral radius (the panel draws them one radius at a time). */
export function gradientNormsFor(radius: number, options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): { tanh: Series; linear: Series } {
  const problem = sequenceProblem({ radius, T: options.T, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
  const label = `ρ = ${radius}`;
  return {
    tanh: { label, x: oneTo(options.T), y: Array.from(tanhHiddenGradNorms(problem)) },
    linear: { label, x: oneTo(options.T), y: Array.from(linearHiddenGradNorms(problem.params, problem.xs, problem.target)) },
  };
}

export function gradientNormsDemo(options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): GradientNormsResult {
  const curves = options.radii.map((radius) => gradientNormsFor(radius, options));
  return { options, tanh: curves.map((c) => c.tanh), linear: curves.map((c) => c.linear) };
}

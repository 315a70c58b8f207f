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

export function gradientNormsDemo(options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): GradientNormsResult {
  const tanh: Series[] = [];
  const linear: Series[] = [];
  for (const radius of options.radii) {
    const problem = sequenceProblem({ radius, T: options.T, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
    const label = `ρ = ${radius}`;
    tanh.push({ label, x: oneTo(options.T), y: Array.from(tanhHiddenGradNorms(problem)) });
    linear.push({ label, x: oneTo(options.T), y: Array.from(linearHiddenGradNorms(problem.params, problem.xs, problem.target)) });
  }
  return { options, tanh, linear };
}

import type { Engine } from '../engine';
import { shortNumber } from './compare';
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
  /** ‖∂L/∂h_t‖ against t = 1..T for tanh units, one series per radius (id `tanh.rho0.9`). */
  readonly tanh: Series[];
  /** The same problems with linear units, h_t = a_t (id `linear.rho0.9`). */
  readonly linear: Series[];
}

/** The tanh and linear curves of one spectral radius (the panel draws them one radius at a time). */
export function gradientNormsFor(engine: Engine, radius: number, options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): { tanh: Series; linear: Series } {
  const problem = sequenceProblem({ radius, T: options.T, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
  const label = `ρ = ${radius}`;
  return {
    tanh: { id: `tanh.rho${radius}`, label: `tanh, ${label}`, x: oneTo(options.T), y: Array.from(tanhHiddenGradNorms(engine, problem)) },
    linear: { id: `linear.rho${radius}`, label: `linear, ${label}`, x: oneTo(options.T), y: Array.from(linearHiddenGradNorms(problem.params, problem.xs, problem.target)) },
  };
}

export function gradientNormsDemo(engine: Engine, options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): GradientNormsResult {
  const curves = options.radii.map((radius) => gradientNormsFor(engine, radius, options));
  return { options, tanh: curves.map((c) => c.tanh), linear: curves.map((c) => c.linear) };
}

/** ‖∂L/∂h_1‖ / ‖∂L/∂h_T‖ of a curve: what the T − 1 steps back did. */
export function endToEndRatio(s: Series): number {
  return s.y[0] / s.y[s.y.length - 1];
}

/** Mean |h_t| and mean tanh′ = 1 − h_t² over t = 1..T of the tanh network of one radius. */
export function hiddenStateStats(engine: Engine, radius: number, options: GradientNormsOptions = GRADIENT_NORMS_DEFAULTS): { meanAbsH: number; meanTanhDerivative: number } {
  const { params, xs, T } = sequenceProblem({ radius, T: options.T, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
  const { hs } = engine.forward(params, { B: 1, T, D: 1, xs }, { validate: false });
  let abs = 0, prime = 0;
  for (let i = options.H; i < hs.length; i++) { abs += Math.abs(hs[i]); prime += 1 - hs[i] * hs[i]; }
  const n = hs.length - options.H;
  return { meanAbsH: abs / n, meanTanhDerivative: prime / n };
}

/** The caption under the two charts; the numbers of the largest radius are read off its curves. */
export function gradientNormsStory(engine: Engine, r: GradientNormsResult): string {
  const { T, H, seed, inputScale } = r.options;
  const big = r.options.radii.length - 1;
  const rho = r.options.radii[big];
  const states = hiddenStateStats(engine, rho, r.options);
  return (
    `Whh = ρ·Q with Q orthogonal, H = ${H}, T = ${T}, inputs ×${inputScale}, seed ${seed}, untrained. The x axis is the step t = 1..${T} and the loss is at t = ${T}, ` +
    'so the gradient travels from right to left: a vanishing gradient RISES from left to right (tiny at t = 1, far from the loss), an exploding one falls. ' +
    'Linear units multiply its norm by exactly ρ per step back (every singular value of Whh is ρ): straight lines on the log scale. ' +
    'tanh multiplies by tanh′ ≤ 1 as well, so for ρ ≤ 1 its curve vanishes at least as fast as the linear one. ' +
    `For ρ = ${rho}, tanh's ‖∂L/∂h_1‖ is ${shortNumber(endToEndRatio(r.tanh[big]))} × ‖∂L/∂h_${T}‖ while linear units give ${rho}^${T - 1} ≈ ${shortNumber(endToEndRatio(r.linear[big]))}: ` +
    `the states grow (mean |h| ${states.meanAbsH.toFixed(2)}), so tanh′ = 1 − h² averages only ${states.meanTanhDerivative.toFixed(2)}, and that factor holds the explosion back.`
  );
}

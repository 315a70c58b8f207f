import type { Engine } from '../engine';
import { hiddenGradNormsByLength, sequenceProblem } from './sequenceProblem';
import { oneTo, type Series } from './series';

export interface PredictThenRunOptions {
  readonly maxT: number;
  readonly radius: number;
  readonly H: number;
  readonly inputScale: number;
  readonly seed: number;
}

export const PREDICT_DEFAULTS: PredictThenRunOptions = { maxT: 120, radius: 0.9, H: 32, inputScale: 0.5, seed: 20 };

/** The lecture's live-demo question, asked before anything is plotted; it states the setup. */
export const PREDICT_QUESTION =
  `An untrained tanh RNN (random weights, H = ${PREDICT_DEFAULTS.H}) with Whh = ${PREDICT_DEFAULTS.radius}·Q, Q orthogonal: spectral radius ρ = ${PREDICT_DEFAULTS.radius}, ` +
  'and every singular value is 0.9 too. The loss is at the last step T. How does the gradient reaching the first step, ‖∂L/∂h₁‖, change as the sequence gets longer?';

export interface PredictChoice {
  readonly id: 'same' | 'slow' | 'exponential' | 'grows';
  readonly text: string;
}

export const PREDICT_CHOICES: readonly PredictChoice[] = [
  { id: 'same', text: 'It stays about the same: the same weights act at every step.' },
  { id: 'slow', text: 'It shrinks slowly, roughly like 1/T.' },
  { id: 'exponential', text: 'It shrinks exponentially: every extra step multiplies it by about the same factor below 1.' },
  { id: 'grows', text: 'It grows with T: more steps add more gradient.' },
];

/** The choice the plot confirms for this setup (every singular value of Whh below 1). */
export const PREDICT_ANSWER: PredictChoice['id'] = 'exponential';

export interface PredictThenRunResult {
  readonly options: PredictThenRunOptions;
  /** ‖∂L/∂h₁‖ against T = 1..maxT (id `gradFirst`). */
  readonly gradFirst: Series;
  /** ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ against T (id `ratio`): the part that comes from the trip back alone. */
  readonly ratio: Series;
  /** exp(slope of log ratio against T): the measured factor per step back. */
  readonly factorPerStep: number;
  /** Mean tanh′ = 1 − h_t² over the steps of the longest sequence. */
  readonly meanTanhDerivative: number;
}

/**
 * For each T the same weights and the first T inputs of one seeded stream, with the loss at step T.
 * ‖∂L/∂h_T‖ itself changes with T (h_T is a different state), which makes ‖∂L/∂h₁‖ jagged; the
 * ratio divides that out and leaves what the T − 1 steps back did.
 */
export function predictThenRunDemo(engine: Engine, options: PredictThenRunOptions = PREDICT_DEFAULTS): PredictThenRunResult {
  const first: number[] = [];
  const ratio: number[] = [];
  // The inputs come from their own seeded stream, so the problem of length maxT holds every shorter one.
  const longest = sequenceProblem({ radius: options.radius, T: options.maxT, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
  for (const norms of hiddenGradNormsByLength(engine, longest)) {
    first.push(norms[0]);
    ratio.push(norms[0] / norms[norms.length - 1]);
  }
  const x = oneTo(options.maxT);
  return {
    options,
    gradFirst: { id: 'gradFirst', label: `‖∂L/∂h₁‖ (tanh, ρ = ${options.radius})`, x, y: first },
    ratio: { id: 'ratio', label: '‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', x: x.slice(), y: ratio },
    factorPerStep: Math.exp(logSlope(x, ratio)),
    meanTanhDerivative: meanTanhDerivative(engine, longest),
  };
}

/** Least-squares slope of log y against x. */
function logSlope(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const ly = y.map(Math.log);
  const mx = x.reduce((a, b) => a + b, 0) / n, my = ly.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0;
  for (let i = 0; i < n; i++) { sxy += (x[i] - mx) * (ly[i] - my); sxx += (x[i] - mx) ** 2; }
  return sxy / sxx;
}

function meanTanhDerivative(engine: Engine, p: ReturnType<typeof sequenceProblem>): number {
  const D = p.params.Wxh.cols, H = p.params.Whh.rows;
  const { hs } = engine.forward(p.params, { B: 1, T: p.T, D, xs: p.xs }, { validate: false });
  let s = 0;
  for (let i = H; i < hs.length; i++) s += 1 - hs[i] * hs[i];
  return s / (hs.length - H);
}

/** Why the curve falls as it does, with the measured numbers. */
export function predictExplanation(r: PredictThenRunResult): string {
  const rho = r.options.radius;
  return (
    'Each step back, BPTT multiplies the gradient by the same kind of factor: ∂L/∂h_{t−1} = Whhᵀ·diag(1 − h_t²)·∂L/∂h_t. ' +
    'That factor stretches a vector by at most the largest singular value of Whh times the largest tanh′. ' +
    'A spectral radius below 1 is not enough for shrinking at every step: a non-normal Whh with ρ < 1 can still stretch some vectors for a while. ' +
    `Here Whh = ${rho}·Q, so every singular value is ${rho}, and tanh′ ≤ 1: each step back multiplies its norm by at most ${rho}, so the curve falls at least as steeply as a straight line on the log scale. ` +
    `Measured: about ×${r.factorPerStep.toFixed(2)} per step, because tanh′ = 1 − h² averages ${r.meanTanhDerivative.toFixed(2)} here, so it falls faster than ${rho}^T. ` +
    'With singular values above 1 the product can grow instead, which is what clipping is for.'
  );
}

import { firstStepGradNormByLength, sequenceProblem } from './sequenceProblem';
import { oneTo, type Series } from './series';

/** The lecture's live-demo question, asked before anything is plotted. */
export const PREDICT_QUESTION = 'How does the gradient reaching the first step, ‖∂L/∂h₁‖, change as the sequence gets longer?';

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

/** The choice the plot confirms for this setup (ρ < 1). */
export const PREDICT_ANSWER: PredictChoice['id'] = 'exponential';

export const PREDICT_EXPLANATION =
  'BPTT multiplies the gradient by Whhᵀ·diag(1 − h²) once per step on its way back. With spectral radius ' +
  'ρ < 1 (and tanh′ ≤ 1) every factor shrinks it, so the gradient reaching step 1 falls like ρ^T: a straight ' +
  'line on the log scale. With ρ > 1 the same product can explode instead — which is what clipping is for.';

export interface PredictThenRunOptions {
  readonly maxT: number;
  readonly radius: number;
  readonly H: number;
  readonly inputScale: number;
  readonly seed: number;
}

export const PREDICT_DEFAULTS: PredictThenRunOptions = { maxT: 120, radius: 0.9, H: 32, inputScale: 0.5, seed: 20 };

/**
 * ‖∂L/∂h₁‖ against the sequence length T = 1..maxT: for each T the same weights and the first T
 * inputs of one seeded stream, with the loss at step T.
 */
export function predictThenRunDemo(options: PredictThenRunOptions = PREDICT_DEFAULTS): Series {
  // The inputs come from their own seeded stream, so the problem of length maxT holds every shorter one.
  const longest = sequenceProblem({ radius: options.radius, T: options.maxT, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
  return { label: `‖∂L/∂h₁‖ (tanh, ρ = ${options.radius})`, x: oneTo(options.maxT), y: firstStepGradNormByLength(longest) };
}

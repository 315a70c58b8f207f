import type { LossSpec, SequenceBatch, Targets } from './batch';
import { EngineInputError, requirePositiveInteger } from './errors';
import type { Rng } from './random';

/** A seeded sequence task: inputs, targets, the loss it is trained with, and how to score it. */
export interface SequenceTask {
  readonly name: string;
  readonly batch: SequenceBatch;
  readonly targets: Targets;
  readonly loss: LossSpec;
  readonly outputSize: number;
  /** Fraction of scored outputs that are right, for ys laid out as the forward trace's (time-major). */
  accuracy(ys: Float64Array): number;
}

/**
 * Delayed echo: x_t ∈ {−1, +1} and the target at step t is x_{t−k} (0 before step k). The network
 * must carry each input k steps forward: easy for small k, out of reach of a plain RNN for large k.
 * Scored by the sign of y_t at the steps t ≥ k.
 */
export function delayedEcho(options: { B: number; T: number; delay: number }, rng: Rng): SequenceTask {
  const B = requirePositiveInteger('echo.B', options.B);
  const T = requirePositiveInteger('echo.T', options.T);
  const k = options.delay;
  if (!Number.isInteger(k) || k < 0 || k >= T) throw new EngineInputError('echo.delay', `must be an integer in 0..T−1 = 0..${T - 1}, got ${k}`);
  const xs = new Float64Array(B * T);
  const values = new Float64Array(B * T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) xs[b * T + t] = rng.uniform() < 0.5 ? -1 : 1;
    for (let t = k; t < T; t++) values[b * T + t] = xs[b * T + t - k];
  }
  return {
    name: `delayed echo (delay ${k})`,
    batch: { B, T, D: 1, xs },
    targets: { kind: 'mse', values },
    loss: { kind: 'mse', at: 'all' },
    outputSize: 1,
    accuracy: (ys) => {
      let right = 0, scored = 0;
      for (let t = k; t < T; t++) {
        for (let b = 0; b < B; b++) {
          scored++;
          if (Math.sign(ys[t * B + b]) === values[b * T + t]) right++;
        }
      }
      return scored === 0 ? 1 : right / scored;
    },
  };
}

/**
 * The adding problem: each step reads (value ∈ [0,1), marker ∈ {0,1}); exactly two steps are
 * marked, one in each half of the sequence, and the target at the last step is the sum of the two
 * marked values. Scored as right when |y_T − target| < 0.04.
 */
export function addingProblem(options: { B: number; T: number }, rng: Rng): SequenceTask {
  const B = requirePositiveInteger('adding.B', options.B);
  const T = requirePositiveInteger('adding.T', options.T);
  if (T < 2) throw new EngineInputError('adding.T', `must be at least 2 (two marked steps), got ${T}`);
  const xs = new Float64Array(B * T * 2);
  const values = new Float64Array(B * T);
  const half = Math.floor(T / 2);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) xs[(b * T + t) * 2] = rng.uniform();
    const first = rng.int(half);
    const second = half + rng.int(T - half);
    xs[(b * T + first) * 2 + 1] = 1;
    xs[(b * T + second) * 2 + 1] = 1;
    values[b * T + T - 1] = xs[(b * T + first) * 2] + xs[(b * T + second) * 2];
  }
  return {
    name: `adding problem (T = ${T})`,
    batch: { B, T, D: 2, xs },
    targets: { kind: 'mse', values },
    loss: { kind: 'mse', at: 'last' },
    outputSize: 1,
    accuracy: (ys) => {
      let right = 0;
      for (let b = 0; b < B; b++) if (Math.abs(ys[(T - 1) * B + b] - values[b * T + T - 1]) < 0.04) right++;
      return right / B;
    },
  };
}

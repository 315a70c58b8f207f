import { createRng, delayedEcho, spectralRadius, type Engine, type SequenceTask, type Sizes } from '../engine';
import { shortNumber } from './compare';
import { contributionNorms, whhContributionsByLag } from './horizon';
import { oneTo, type Series } from './series';
import { TRAIN_DEFAULTS, trainStart } from './trainDemo';

/**
 * The "horizon" demo: how much of ∂L/∂Whh comes from pairs of steps k apart, at the start of the
 * train demo's hardest run (the same untrained weights, the echo with its longest delay). The
 * task's information sits at lag k = delay (h_{t−k} holds x_{t−k}, the input y_t must echo).
 */
export interface HorizonOptions {
  readonly delay: number;
  readonly B: number;
  readonly seed: number;
}

export const HORIZON_DEFAULTS: HorizonOptions = { delay: Math.max(...TRAIN_DEFAULTS.delays), B: 32, seed: 5 };

export interface HorizonResult {
  readonly options: HorizonOptions;
  readonly T: number;
  readonly H: number;
  /** Spectral radius of the untrained Whh. */
  readonly rho: number;
  /** ‖contribution of lag k‖ for k = 1..T (index k − 1). */
  readonly norms: number[];
}

export function horizonTask(o: HorizonOptions): SequenceTask {
  return delayedEcho({ B: o.B, T: TRAIN_DEFAULTS.T, delay: o.delay }, createRng(o.seed));
}

export function horizonDemo(engine: Engine, o: HorizonOptions = HORIZON_DEFAULTS): HorizonResult {
  const p = trainStart(TRAIN_DEFAULTS);
  const sizes: Sizes = { D: 1, H: TRAIN_DEFAULTS.H, O: 1 };
  const task = horizonTask(o);
  const norms = contributionNorms(whhContributionsByLag(engine, p, task.batch, task.targets, task.loss, sizes));
  return { options: o, T: TRAIN_DEFAULTS.T, H: TRAIN_DEFAULTS.H, rho: spectralRadius(p.Whh), norms };
}

/** The series of `rnn-lab demo --json` (docs/cli.md): `contribution` against the lag k = 1..T. */
export function horizonSeries(r: HorizonResult): Series[] {
  return [{ id: 'contribution', label: '‖part of ∂L/∂Whh from pairs k steps apart‖', x: oneTo(r.T), y: r.norms.slice() }];
}

/** The caption, every number read off the result. */
export function horizonStory(r: HorizonResult): string {
  const k = r.options.delay;
  const first = r.norms[0], atDelay = r.norms[k - 1];
  return (
    `The train demo's untrained network (H = ${r.H}, spectral radius of Whh ${r.rho.toFixed(2)}) on the echo with delay ${k}, T = ${r.T}, ` +
    `loss at every step, ${r.options.B} sequences. ∂L/∂Whh is a sum over pairs: the loss at step t and the state h_{t−k}, which Whh read at step t − k + 1. ` +
    `The pairs 1 step apart contribute a part of norm ${shortNumber(first)}; the pairs ${k} apart, where the task's information is (h_{t−${k}} holds x_{t−${k}}), ` +
    `only ${shortNumber(atDelay)}: ${shortNumber(atDelay / first)} of it. Gradient descent follows the sum, so it tunes Whh for the short lags and barely ` +
    `hears the long one (Bengio, Simard & Frasconi, 1994). At k = ${r.T} the state read is h_0 = 0, so that part is 0.`
  );
}

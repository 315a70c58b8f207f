import { globalNorm, type Engine } from '../engine';
import { clippingStart, clippingTask, nonFiniteSteps, type ClippingResult } from './clippingDemo';
import { shortNumber } from './compare';
import { median } from './series';

/** "Learned" for the caption: a tenth of the loss of a constant output 0 (½·(±1)² = 0.5). */
export const LOW_LOSS = 0.05;

/** The numbers the clipping panel's caption states, all read off the two runs. */
export interface ClippingFacts {
  /** Step 1 (both runs start there): mean |h|, ‖∂L/∂h₁‖/‖∂L/∂h_T‖, global norm. */
  readonly start: { readonly meanAbsH: number; readonly horizonRatio: number; readonly gradNorm: number; readonly outputLayerNorm: number };
  /** The unclipped run's first step with a norm above the threshold, that norm, and the update it made (lr·norm). */
  readonly spike: { readonly step: number; readonly gradNorm: number; readonly update: number };
  /** The unclipped run one step after its spike. */
  readonly afterSpike: { readonly meanAbsH: number; readonly horizonRatio: number };
  readonly finalLoss: { readonly unclipped: number; readonly clipped: number };
  /** The first step whose loss is below LOW_LOSS (a tenth of a constant output 0's loss), or null. */
  readonly firstLow: { readonly unclipped: number | null; readonly clipped: number | null };
  /** Steps of the clipped run whose norm was above the threshold, and the median norm of that run. */
  readonly clippedSteps: number;
  readonly fractionClipped: number;
  readonly medianClippedRunNorm: number;
  /** The largest update with clipping: lr·threshold. */
  readonly maxClippedUpdate: number;
  readonly nonFinite: { readonly unclipped: ReturnType<typeof nonFiniteSteps>; readonly clipped: ReturnType<typeof nonFiniteSteps> };
}

export function clippingFacts(engine: Engine, r: ClippingResult): ClippingFacts {
  const u = r.unclipped, c = r.clipped, { lr, threshold } = r.options;
  const above = u.gradNorm.findIndex((g) => g > threshold);
  const spike = above < 0 ? 0 : above;
  const after = Math.min(spike + 1, u.gradNorm.length - 1);
  const clippedSteps = c.clipped.filter(Boolean).length;
  // Which layer the first gradient lives in: the recurrent weights, or the output layer (Why, by)?
  const o = r.options;
  const task = clippingTask(o);
  const first = engine.bptt(clippingStart(o), task.batch, task.targets, task.loss, { validate: false }).grads;
  return {
    start: { meanAbsH: u.meanAbsH[0], horizonRatio: u.horizonRatio[0], gradNorm: u.gradNorm[0], outputLayerNorm: globalNorm(first, ['Why', 'by']) },
    spike: { step: spike + 1, gradNorm: u.gradNorm[spike], update: lr * u.gradNorm[spike] },
    afterSpike: { meanAbsH: u.meanAbsH[after], horizonRatio: u.horizonRatio[after] },
    finalLoss: { unclipped: u.loss[u.loss.length - 1], clipped: c.loss[c.loss.length - 1] },
    firstLow: { unclipped: firstBelow(u.loss, LOW_LOSS), clipped: firstBelow(c.loss, LOW_LOSS) },
    clippedSteps,
    fractionClipped: clippedSteps / Math.max(1, c.clipped.length),
    medianClippedRunNorm: median(c.gradNorm),
    maxClippedUpdate: lr * threshold,
    nonFinite: { unclipped: nonFiniteSteps(u.loss), clipped: nonFiniteSteps(c.loss) },
  };
}

const two = (x: number): string => shortNumber(x);

function firstBelow(loss: readonly number[], level: number): number | null {
  const i = loss.findIndex((l) => l < level);
  return i < 0 ? null : i + 1;
}

const reached = (step: number | null): string => (step === null ? 'never' : `at step ${step}`);

function nonFiniteSentence(f: ClippingFacts): string {
  const part = (name: string, n: ReturnType<typeof nonFiniteSteps>): string | null => {
    if (n.infinity === null && n.nan === null) return null;
    const bits = [n.infinity === null ? null : `+Infinity at step ${n.infinity}`, n.nan === null ? null : `NaN from step ${n.nan}`].filter(Boolean);
    return `${name}: the loss is ${bits.join(', ')}`;
  };
  const bad = [part('without clipping', f.nonFinite.unclipped), part('with clipping', f.nonFinite.clipped)].filter(Boolean);
  return bad.length === 0 ? 'The loss stays finite in both runs: tanh keeps every |h| ≤ 1.' : `${bad.join('; ')}.`;
}

/** The caption under the charts, for a finished run (every number computed from it). */
export function clippingStory(engine: Engine, r: ClippingResult): string {
  const f = clippingFacts(engine, r);
  const { T, threshold, steps, radius } = r.options;
  const startsLinear =
    `Whh = ${radius}·Q (ρ = ${radius}) and small input weights: at step 1 the units are nearly linear (mean |h| ${two(f.start.meanAbsH)}) ` +
    `and the gradient grows on its way back through time: ‖∂L/∂h₁‖ is ${two(f.start.horizonRatio)} × ‖∂L/∂h_${T}‖.`;
  const spike =
    ` The global gradient norm is ${two(f.start.gradNorm)}, nearly all of it in Wxh, Whh and bh (the output layer's part is ${two(f.start.outputLayerNorm)}).` +
    ` Without clipping, step ${f.spike.step} makes an update of norm lr·${two(f.spike.gradNorm)} = ${two(f.spike.update)}: ` +
    `the units move towards saturation (mean |h| ${two(f.afterSpike.meanAbsH)} one step later), the gradient now shrinks on its way back (ratio ${two(f.afterSpike.horizonRatio)}) ` +
    `and learning stalls for a while.`;
  const clip =
    ` With clipping, a gradient whose global norm is above ${threshold} is rescaled to norm ${threshold} (same direction), so no update moves the weights by more than ` +
    `lr·${threshold} = ${two(f.maxClippedUpdate)}. The threshold sits above the run's median norm (${two(f.medianClippedRunNorm)}) and below its spikes: clipping acted on ` +
    `${f.clippedSteps} of ${steps} steps (${Math.round(100 * f.fractionClipped)} %).` +
    ` The loss (0.5 for a constant output 0) first falls below ${LOW_LOSS} ${reached(f.firstLow.unclipped)} without clipping and ${reached(f.firstLow.clipped)} with it; ` +
    `after ${steps} steps it is ${two(f.finalLoss.unclipped)} without and ${two(f.finalLoss.clipped)} with clipping. `;
  return startsLinear + spike + clip + nonFiniteSentence(f);
}

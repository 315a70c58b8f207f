import { CORRECT_VARIANT, readableBptt, trainedBuffers, type BpttVariant, type ReadableBpttResult, type StepMask } from '../../engine';
import type { HintCode } from '../../lesson/hintCodes';
import { PARAM_KEYS, dhsFromEngine, fromEngineGrads, globalNormOf, mapParams, sgdUpdate, sumOfSquares, toEngineProblem, type LabGrads, type LabParams, type Vec } from '../labTypes';
import { refClip } from './reference';

/**
 * The library of known-wrong answers. Each variant is what a student's function returns when it
 * makes one known mistake. The checker compares each part of a result on its own (the loss, each
 * gradient, dhs, the norm, the parameters), so a variant recognises a mistake in the parts where the
 * student's numbers match it, and says what that part shows. A wrong bptt is the engine's readable
 * BPTT run with one of its variants (one line of the maths swapped for a known-wrong one).
 */

export interface Variant<T> {
  /** The hint code of the mistake, or null for a recognised slip no hint code names. */
  readonly hint: HintCode | null;
  /** What the mistake looks like in one part, named in the lesson's notation (e.g. `dWhh`). */
  readonly says: (part: string) => string;
  /** The wrong answer; only its keys are compared (e.g. only `grads` for a clipping mistake). */
  readonly output: Partial<T>;
}

export type BpttResult = { loss: number; grads: LabGrads; dhs: Vec[] };
export type ClipResult = { grads: LabGrads; norm: number };
export type TrainResult = { params: LabParams; loss: number; norm: number };

/**
 * Where a truncated backward pass counts its `variant.truncate` steps from: one sweep from step T
 * (the engine's truncation), or a sweep from each step in the loss back that many steps.
 */
export type TruncatedFrom = 'last-step' | 'each-loss';

/**
 * The engine's readable BPTT with `variant` on one sequence; the steps whose target is null are not
 * in the loss. A truncation counts its steps `from` step T, or from each step in the loss.
 */
export function bpttWith(variant: BpttVariant, p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[], from: TruncatedFrom = 'last-step'): BpttResult {
  const pr = toEngineProblem(p, h0, xs, targets);
  const run = (at: StepMask, v: BpttVariant): ReadableBpttResult => readableBptt(pr.params, pr.batch, pr.targets, { kind: 'mse', at }, v);
  const T = xs.length, steps = variant.truncate;
  const lossSteps = targets.flatMap((y, i) => (y === null ? [] : [i + 1]));
  // Gradients are linear in the loss, so sweeping from each loss step s back `steps` steps is the sum,
  // over s, of the loss at step s alone swept from T back to s − steps + 1: T − s + steps steps.
  const sweeps = from === 'each-loss' && steps !== null && lossSteps.length > 0
    ? lossSteps.map((s) => run(targets.map((_, i) => i + 1 === s), { ...variant, truncate: T - s + steps }))
    : [run(pr.loss.at, variant)];
  const [total, ...rest] = sweeps; // fresh results: the first one collects the sum
  let loss = total.loss;
  for (const r of rest) {
    loss += r.loss;
    trainedBuffers(total.grads).forEach((sum, k) => addTo(sum, trainedBuffers(r.grads)[k]));
    addTo(total.hiddenGrads, r.hiddenGrads);
  }
  return { loss, grads: fromEngineGrads(total.grads), dhs: dhsFromEngine(total.hiddenGrads, h0.length) };
}

/** acc += v */
function addTo(acc: Float64Array, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) acc[i] += v[i];
}

const sameForEveryPart = (text: string) => (): string => text;
const keptOneStep = (which: string) => (part: string): string => `${part} keeps only one step's contribution (the ${which} step's): = where += belongs, so the weight is not summed over time`;

/** The mistakes of bptt, one variant of the maths at a time (a one-step mistake in one gradient is matched part by part). */
const BPTT_MISTAKES: readonly { hint: HintCode; says: (part: string) => string; variant: Partial<BpttVariant> }[] = [
  { hint: 'weights-not-shared', says: keptOneStep('first'), variant: { shared: 'first-step', outputShared: 'first-step' } },
  { hint: 'weights-not-shared', says: keptOneStep('last'), variant: { shared: 'last-step', outputShared: 'last-step' } },
  { hint: 'missing-recurrent-path', says: sameForEveryPart('dL/dh_t counts only the output at step t: the path through h_{t+1} and the later steps is missing'), variant: { recurrentPath: false } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t ⊙ (1 − a_t²) with a_t the pre-activation, where tanh\'(a_t) = 1 − h_t² belongs'), variant: { derivative: 'one-minus-a2' } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t ⊙ (1 − h_t), where tanh\'(a_t) = 1 − h_t² belongs'), variant: { derivative: 'one-minus-h' } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t: the derivative of tanh is left out'), variant: { derivative: 'none' } },
  { hint: 'off-by-one', says: (part) => `${part} uses h_t where h_{t−1} belongs`, variant: { whhInput: 'h-current' } },
  { hint: 'off-by-one', says: (part) => `${part} skips step 1, whose previous state is h_0`, variant: { whhInput: 'skip-h0' } },
];

export function bpttVariants(p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): Variant<BpttResult>[] {
  return BPTT_MISTAKES.map((m) => ({ hint: m.hint, says: m.says, output: bpttWith({ ...CORRECT_VARIANT, ...m.variant }, p, h0, xs, targets) }));
}

/**
 * A backward pass that stops after `steps` steps, for a count read off the student's own dhs (how many
 * steps back from the last loss they agree): from each loss, or one sweep from step T.
 */
export function truncatedVariants(steps: number, p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): Variant<BpttResult>[] {
  const T = xs.length;
  const says = (): string => `backpropagation stops after ${steps} step${steps === 1 ? '' : 's'}: dL/dh_t is right for the ${steps} step${steps === 1 ? '' : 's'} up to the loss and wrong from step t = ${T - steps} back (steps counted t = 1..T = ${T})`;
  return (['each-loss', 'last-step'] as const).map((from) => ({
    hint: 'truncated-bptt', says, output: bpttWith({ ...CORRECT_VARIANT, truncate: steps }, p, h0, xs, targets, from),
  }));
}

/** Factors a loss is commonly off by, and why: the ½ dropped, or a mean where the sum belongs. */
export function namedFactors(T: number, stepsWithTarget: number, O: number): readonly { factor: number; why: string }[] {
  return [
    { factor: 2, why: 'the ½ of ½ Σ (y − target)² is dropped' },
    { factor: 1 / stepsWithTarget, why: `averaged over the ${stepsWithTarget} steps that have a target instead of summed` },
    { factor: 1 / T, why: `averaged over all T = ${T} steps instead of summed` },
    { factor: 1 / (stepsWithTarget * O), why: `averaged over every output entry (${stepsWithTarget} steps × ${O} outputs) instead of summed` },
    { factor: 2 / stepsWithTarget, why: `averaged over the ${stepsWithTarget} steps with a target, and the ½ dropped` },
    { factor: 2 / T, why: `averaged over all T = ${T} steps, and the ½ dropped` },
  ];
}

/** "0.25 times the right value (1/4: averaged over …)". */
export function describeFactor(c: number, T: number, stepsWithTarget: number, O: number): string {
  const named = namedFactors(T, stepsWithTarget, O).find((n) => Math.abs(n.factor - c) <= 1e-6 * n.factor);
  const shown = Number(c.toPrecision(6));
  return named ? `${shown} times the right value (${named.why})` : `${shown} times the right value`;
}

/** Loss, gradients and dhs all off by the same factor c. */
export function scaledBpttVariant(c: number, right: BpttResult, T: number, stepsWithTarget: number, O: number): Variant<BpttResult> {
  return {
    hint: 'loss-scale',
    says: (part) => `${part} is ${describeFactor(c, T, stepsWithTarget, O)}`,
    output: { loss: c * right.loss, grads: mapParams(right.grads, (v) => c * v), dhs: right.dhs.map((d) => d.map((v) => c * v)) },
  };
}

/** Clipping each gradient by its own norm. */
export function clipPerParameter(grads: LabGrads, maxNorm: number): LabGrads {
  const norms = Object.fromEntries(PARAM_KEYS.map((k) => [k, Math.sqrt(sumOfSquares(grads[k].flat()))]));
  return mapParams(grads, (v, key) => (norms[key] > maxNorm ? v * (maxNorm / norms[key]) : v));
}

/** Rescaling to maxNorm whatever the norm (so small gradients are scaled up). */
export function clipAlways(grads: LabGrads, maxNorm: number): LabGrads {
  const norm = globalNormOf(grads);
  return norm === 0 ? grads : mapParams(grads, (v) => v * (maxNorm / norm));
}

/** Clamping every entry to [−maxNorm, maxNorm] (clipping by value). */
export function clipByValue(grads: LabGrads, maxNorm: number): LabGrads {
  return mapParams(grads, (v) => Math.min(maxNorm, Math.max(-maxNorm, v)));
}

const CLIP_MISTAKES: readonly { hint: HintCode; says: (part: string) => string; clip: (g: LabGrads, maxNorm: number) => LabGrads }[] = [
  { hint: 'clip-per-parameter', says: (part) => `${part} is clipped by its own norm, not by the global norm of all five gradients`, clip: clipPerParameter },
  { hint: 'clip-scales-up', says: (part) => `${part} is rescaled to maxNorm although the global norm is already ≤ maxNorm`, clip: clipAlways },
  { hint: 'clip-by-value', says: (part) => `${part} has every entry clamped to ±maxNorm instead of all of them multiplied by maxNorm / norm`, clip: clipByValue },
];

/** The norm reported after clipping (it is maxNorm then) instead of before. */
function normAfterClipping(part: string): string {
  return `${part} is the norm after clipping (maxNorm); report the global norm measured before clipping`;
}

export function clipVariants(grads: LabGrads, maxNorm: number): Variant<ClipResult>[] {
  const norm = globalNormOf(grads);
  return [
    ...CLIP_MISTAKES.map((m) => ({ hint: m.hint, says: m.says, output: { grads: m.clip(grads, maxNorm) } })),
    { hint: null, says: normAfterClipping, output: { norm: Math.min(norm, maxNorm) } },
  ];
}

export function trainStepVariants(
  p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[], lr: number, maxNorm: number | null,
): Variant<TrainResult>[] {
  const right = bpttWith(CORRECT_VARIANT, p, h0, xs, targets).grads;
  const clip = (g: LabGrads): LabGrads => (maxNorm === null ? g : refClip(g, maxNorm).grads);
  const out: Variant<TrainResult>[] = [];
  if (maxNorm !== null) {
    out.push({ hint: 'unclipped-update', says: (part) => `${part} is updated with the unclipped gradient`, output: { params: sgdUpdate(p, right, lr) } });
    for (const m of CLIP_MISTAKES) out.push({ hint: m.hint, says: (part) => `${part} is updated with gradients clipped wrongly: ${m.says('each gradient')}`, output: { params: sgdUpdate(p, m.clip(right, maxNorm), lr) } });
    out.push({ hint: null, says: normAfterClipping, output: { norm: Math.min(globalNormOf(right), maxNorm) } });
  } else {
    // maxNorm null passed on to a clipping that always rescales: maxNorm / norm = Infinity.
    out.push({ hint: 'clip-scales-up', says: (part) => `${part} is rescaled to maxNorm = null, read as Infinity: clipping rescales even when it should not`, output: { params: sgdUpdate(p, clipAlways(right, Infinity), lr) } });
  }
  // A wrong bptt shows up in the update and in the norm too.
  for (const v of bpttVariants(p, h0, xs, targets)) {
    const grads = v.output.grads;
    const says = (part: string): string => `${part} comes from a wrong bptt: ${v.says(part.startsWith('params.') ? `d${part.slice('params.'.length)}` : 'the gradient')}`;
    if (grads) out.push({ hint: v.hint, says, output: { params: sgdUpdate(p, clip(grads), lr), norm: globalNormOf(grads) } });
  }
  return out;
}

/** trainStep with every gradient off by the factor c (a scaled loss): the loss, the norm and the update. */
export function scaledTrainVariant(c: number, loss: number, p: LabParams, grads: LabGrads, lr: number, maxNorm: number | null, words: string): Variant<TrainResult> {
  const scaled = mapParams(grads, (v) => c * v);
  return {
    hint: 'loss-scale',
    says: (part) => `${part} is off by a constant factor: ${words}`,
    output: { loss: c * loss, norm: c * globalNormOf(grads), params: sgdUpdate(p, maxNorm === null ? scaled : refClip(scaled, maxNorm).grads, lr) },
  };
}

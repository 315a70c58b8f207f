import type { HintCode } from '../../lesson/hintCodes';
import { PARAM_KEYS, globalNormOf, mapParams, sgdUpdate, sumOfSquares, type LabGrads, type LabParams, type Mat, type Vec } from '../labTypes';
import { refClip, refForward } from './reference';

/**
 * The library of known-wrong answers. Each variant is what a student's function returns when it
 * makes one known mistake. The checker compares each part of a result on its own (the loss, each
 * gradient, dhs, the norm, the parameters), so a variant recognises a mistake in the parts where the
 * student's numbers match it, and says what that part shows. The forward pass comes from the engine;
 * the backward sweep is written here with one switch per mistake (all switches off reproduces the
 * engine, which a unit test asserts).
 */
export interface BpttSwitches {
  /** How the shared Wxh, Whh, bh gradients combine the steps: summed (right), or one step kept. */
  readonly shared: 'sum' | 'first-step' | 'last-step';
  /** The same for the output layer's Why and by (one step: the first or last step with a target). */
  readonly outputShared: 'sum' | 'first-step' | 'last-step';
  /** dL/dh_t includes the path through h_{t+1} (right), or only the output at step t. */
  readonly recurrentPath: boolean;
  /** The factor da_t = dh_t ⊙ f: 1 − h² (right), 1 − a², 1 − h, or none. */
  readonly derivative: 'one-minus-h2' | 'one-minus-a2' | 'one-minus-h' | 'none';
  /** What multiplies da_t in dWhh: h_{t−1} (right), h_t, or h_{t−1} but skipping h0. */
  readonly whhInput: 'h-prev' | 'h-current' | 'skip-h0';
  /**
   * Backpropagation stops after `steps` steps (null: it runs back to step 1, right): counted from
   * each loss, or one backward sweep from the last step that stops there.
   */
  readonly truncate: { readonly steps: number; readonly from: 'each-loss' | 'last-step' } | null;
}

export const CORRECT_BPTT: BpttSwitches = { shared: 'sum', outputShared: 'sum', recurrentPath: true, derivative: 'one-minus-h2', whhInput: 'h-prev', truncate: null };

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

const zeros = (rows: number, cols: number): Mat => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
const zeroVec = (n: number): Vec => new Array<number>(n).fill(0);

export function bpttWith(s: BpttSwitches, p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): BpttResult {
  const { hs, ys } = refForward(p, h0, xs);
  const H = p.Whh.length, D = p.Wxh[0].length, O = p.Why.length, T = xs.length;
  const g: LabGrads = { Wxh: zeros(H, D), Whh: zeros(H, H), bh: zeroVec(H), Why: zeros(O, H), by: zeroVec(O) };
  const withTarget = targets.flatMap((y, t) => (y ? [t] : []));
  const keeps = (mode: BpttSwitches['shared'], t: number, first: number, last: number): boolean =>
    mode === 'sum' || (mode === 'first-step' && t === first) || (mode === 'last-step' && t === last);

  // The output layer, step by step: the loss, dWhy, dby, and the direct part Whyᵀ·dy_t of dL/dh_t.
  let loss = 0;
  const direct = Array.from({ length: T }, () => zeroVec(H));
  for (const t of withTarget) {
    const target = targets[t] as Vec;
    const keepOut = keeps(s.outputShared, t, withTarget[0], withTarget[withTarget.length - 1]);
    for (let k = 0; k < O; k++) {
      const dy = ys[t][k] - target[k];
      loss += 0.5 * dy * dy;
      if (keepOut) g.by[k] += dy;
      for (let j = 0; j < H; j++) {
        if (keepOut) g.Why[k][j] += dy * hs[t][j];
        direct[t][j] += p.Why[k][j] * dy;
      }
    }
  }

  // da = dh ⊙ f, with f the factor tanh'(a) = 1 − h² (or the mistaken one).
  const preActivation = (t: number, i: number): number => {
    const hPrev = t > 0 ? hs[t - 1] : h0;
    return p.bh[i] + p.Wxh[i].reduce((acc, w, d) => acc + w * xs[t][d], 0) + p.Whh[i].reduce((acc, w, j) => acc + w * hPrev[j], 0);
  };
  const factor = (t: number): Vec => hs[t].map((h, i) => {
    switch (s.derivative) {
      case 'one-minus-h2': return 1 - h * h;
      case 'one-minus-a2': return 1 - preActivation(t, i) ** 2;
      case 'one-minus-h': return 1 - h;
      case 'none': return 1;
    }
  });
  const f = hs.map((_, t) => factor(t));
  // Whhᵀ·(dh ⊙ f_t): what reaches h_{t−1} from dh at step t.
  const back = (dh: Vec, t: number): Vec => {
    const out = zeroVec(H);
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) out[j] += p.Whh[i][j] * dh[i] * f[t][i];
    return out;
  };

  const dhs: Vec[] = Array.from({ length: T }, () => zeroVec(H));
  if (s.truncate?.from === 'each-loss') {
    const steps = s.truncate.steps;
    for (const last of withTarget) {
      let dh = direct[last];
      for (let t = last; t >= Math.max(0, last - steps + 1); t--) {
        dhs[t] = dhs[t].map((v, j) => v + dh[j]);
        dh = back(dh, t);
      }
    }
  } else {
    const stop = s.truncate ? T - s.truncate.steps : 0;
    let dhNext = zeroVec(H);
    for (let t = T - 1; t >= stop; t--) {
      dhs[t] = s.recurrentPath ? direct[t].map((v, j) => v + dhNext[j]) : direct[t];
      dhNext = back(dhs[t], t);
    }
  }

  // The shared weights, from dL/dh_t at every step.
  for (let t = 0; t < T; t++) {
    if (!keeps(s.shared, t, 0, T - 1)) continue;
    const da = dhs[t].map((d, i) => d * f[t][i]);
    const whhIn = s.whhInput === 'h-current' ? hs[t] : t > 0 ? hs[t - 1] : h0;
    const skipWhh = s.whhInput === 'skip-h0' && t === 0;
    for (let i = 0; i < H; i++) {
      g.bh[i] += da[i];
      for (let d = 0; d < D; d++) g.Wxh[i][d] += da[i] * xs[t][d];
      if (!skipWhh) for (let j = 0; j < H; j++) g.Whh[i][j] += da[i] * whhIn[j];
    }
  }
  return { loss, grads: g, dhs };
}

const sameForEveryPart = (text: string) => (): string => text;
const keptOneStep = (which: string) => (part: string): string => `${part} keeps only one step's contribution (the ${which} step's): = where += belongs, so the weight is not summed over time`;

/** The mistakes of bptt, one switch at a time (a one-step mistake in one gradient is matched part by part). */
const BPTT_MISTAKES: readonly { hint: HintCode; says: (part: string) => string; switches: Partial<BpttSwitches> }[] = [
  { hint: 'weights-not-shared', says: keptOneStep('first'), switches: { shared: 'first-step', outputShared: 'first-step' } },
  { hint: 'weights-not-shared', says: keptOneStep('last'), switches: { shared: 'last-step', outputShared: 'last-step' } },
  { hint: 'missing-recurrent-path', says: sameForEveryPart('dL/dh_t counts only the output at step t: the path through h_{t+1} and the later steps is missing'), switches: { recurrentPath: false } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t ⊙ (1 − a_t²) with a_t the pre-activation, where tanh\'(a_t) = 1 − h_t² belongs'), switches: { derivative: 'one-minus-a2' } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t ⊙ (1 − h_t), where tanh\'(a_t) = 1 − h_t² belongs'), switches: { derivative: 'one-minus-h' } },
  { hint: 'tanh-derivative', says: sameForEveryPart('da_t = dh_t: the derivative of tanh is left out'), switches: { derivative: 'none' } },
  { hint: 'off-by-one', says: (part) => `${part} uses h_t where h_{t−1} belongs`, switches: { whhInput: 'h-current' } },
  { hint: 'off-by-one', says: (part) => `${part} skips step 1, whose previous state is h_0`, switches: { whhInput: 'skip-h0' } },
];

export function bpttVariants(p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): Variant<BpttResult>[] {
  return BPTT_MISTAKES.map((m) => ({ hint: m.hint, says: m.says, output: bpttWith({ ...CORRECT_BPTT, ...m.switches }, p, h0, xs, targets) }));
}

/**
 * A backward pass that stops after `steps` steps, for a count read off the student's own dhs (how many
 * steps back from the last loss they agree): from each loss, or one sweep from step T.
 */
export function truncatedVariants(steps: number, p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): Variant<BpttResult>[] {
  const T = xs.length;
  const says = (): string => `backpropagation stops after ${steps} step${steps === 1 ? '' : 's'}: dL/dh_t is right for the ${steps} step${steps === 1 ? '' : 's'} up to the loss and wrong from step t = ${T - steps} back (steps counted t = 1..T = ${T})`;
  return (['each-loss', 'last-step'] as const).map((from) => ({
    hint: 'truncated-bptt', says, output: bpttWith({ ...CORRECT_BPTT, truncate: { steps, from } }, p, h0, xs, targets),
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
  const right = bpttWith(CORRECT_BPTT, p, h0, xs, targets).grads;
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

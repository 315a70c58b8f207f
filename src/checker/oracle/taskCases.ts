import type { LabTaskId } from '../../lesson/labTasks';
import { agrees } from './agreement';
import { partAgrees, valueAt, type Expected, type Part } from './partCompare';
import { globalNormOf, mapParams, PARAM_KEYS, sgdUpdate, type LabGrads } from '../labTypes';
import {
  bpttVariants, clipVariants, describeFactor, namedFactors, scaledBpttVariant, scaledTrainVariant, trainStepVariants, truncatedVariants,
  type BpttResult, type TrainResult, type Variant,
} from './mistakes';
import { LONG_T, type Problem } from './problems';
import { refBptt, refClip, refForward, refRnnStep, refTrainStep } from './reference';

/** One call of a task's function: its arguments, the right answer and the known wrong ones. */
export interface TaskCase {
  /** Names the input in messages, e.g. `"T = 1"` or `"targets null except the last", maxNorm above the norm`. */
  readonly label: string;
  readonly args: readonly unknown[];
  readonly expected: Expected;
  /**
   * The known wrong answers on this input, computed only when a result is wrong: the fixed library,
   * and those read off the student's own numbers (after how many steps backpropagation stops, the
   * factor a loss is off by).
   */
  readonly variants: (got: unknown) => readonly Variant<Record<string, unknown>>[];
  /** What parts are compared as a change from (trainStep's params: the old parameters). */
  readonly baseline?: unknown;
}

/** The parts of each task's result, each compared on its own, in the order a message names them. */
export const TASK_PARTS: Readonly<Record<LabTaskId, readonly Part[]>> = {
  rnnStep: [{ name: 'h', path: '', perStep: false }],
  forward: [part('hs', true), part('ys', true)],
  bptt: [part('loss'), part('dhs', true), ...gradientParts('grads')],
  clipGradNorm: [part('norm'), ...gradientParts('grads')],
  trainStep: [part('loss'), part('norm'), ...gradientParts('params')],
};

function part(path: string, perStep = false): Part {
  return { name: path, path, perStep };
}

function gradientParts(prefix: string): Part[] {
  return PARAM_KEYS.map((k) => part(`${prefix}.${k}`));
}

const LR = 0.1;

/** Three significant digits: a threshold a person can read and type. */
function round3(x: number): number {
  return Number(x.toPrecision(3));
}

/** The cases of one task, built from the shared problems. */
export function taskCases(task: LabTaskId, problems: readonly Problem[]): TaskCase[] {
  const none = (): never[] => [];
  switch (task) {
    case 'rnnStep':
      return problems.map((pr) => {
        const hPrev = pr.h0, x = pr.xs[0];
        return { label: `"${pr.label}"`, args: [pr.p, hPrev, x], expected: refRnnStep(pr.p, hPrev, x), variants: none };
      });
    case 'forward':
      return problems.map((pr) => ({ label: `"${pr.label}"`, args: [pr.p, pr.h0, pr.xs], expected: expectedOf(refForward(pr.p, pr.h0, pr.xs)), variants: none }));
    case 'bptt':
      return problems.map((pr) => {
        const right = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
        return {
          label: `"${pr.label}"`,
          args: [pr.p, pr.h0, pr.xs, pr.targets],
          expected: expectedOf(right),
          variants: (got) => widen([...bpttVariants(pr.p, pr.h0, pr.xs, pr.targets), ...bpttReadOff(pr, right, got)]),
        };
      });
    case 'clipGradNorm':
      return problems.flatMap((pr) => {
        // Real gradients of the problem, rounded so a message can show them exactly.
        const grads = mapParams(refBptt(pr.p, pr.h0, pr.xs, pr.targets).grads, (v) => Number(v.toFixed(4)));
        const norm = globalNormOf(grads);
        // maxNorm below the norm (clipping happens) and above it (nothing changes).
        return [round3(norm / 3), round3(norm * 2 + 0.5)].map((maxNorm) => ({
          label: `gradients of "${pr.label}" (norm ${norm.toPrecision(4)}), maxNorm ${maxNorm} ${maxNorm < norm ? 'below' : 'above'} the norm`,
          args: [grads, maxNorm],
          expected: expectedOf(refClip(grads, maxNorm)),
          variants: () => widen(clipVariants(grads, maxNorm)),
        }));
      });
    case 'trainStep':
      return problems.flatMap((pr) => {
        const right = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
        const norm = globalNormOf(right.grads);
        const settings: { maxNorm: number | null; words: string }[] = [
          { maxNorm: null, words: 'maxNorm null (no clipping)' },
          { maxNorm: round3(norm / 3), words: `maxNorm ${round3(norm / 3)} below the norm ${norm.toPrecision(4)}` },
          { maxNorm: round3(norm * 2 + 0.5), words: `maxNorm ${round3(norm * 2 + 0.5)} above the norm ${norm.toPrecision(4)}` },
        ];
        return settings.map(({ maxNorm, words }) => ({
          label: `"${pr.label}", lr ${LR}, ${words}`,
          args: [pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm],
          expected: expectedOf(refTrainStep(pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm)),
          baseline: { params: pr.p },
          variants: (got) => widen([...trainStepVariants(pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm), ...trainReadOff(pr, right, got, maxNorm)]),
        }));
      });
  }
}

/** The counts a problem's messages need: T, the steps with a target, the outputs. */
function counts(pr: Problem): [number, number, number] {
  return [pr.xs.length, pr.targets.filter((y) => y !== null).length, pr.p.Why.length];
}

/**
 * Mistakes read off the student's bptt result: a dhs that agrees for the last k steps and then not
 * (backpropagation stopped after k steps), and a constant factor on the loss or on a gradient.
 */
function bpttReadOff(pr: Problem, right: BpttResult, got: unknown): Variant<BpttResult>[] {
  const out: Variant<BpttResult>[] = [];
  const dhs = valueAt(got, 'dhs');
  const T = pr.xs.length;
  if (Array.isArray(dhs) && dhs.length === T) {
    let steps = 0;
    while (steps < T && agrees(right.dhs[T - 1 - steps], dhs[T - 1 - steps] as number[])) steps++;
    if (steps >= 1 && steps < T) out.push(...truncatedVariants(steps, pr.p, pr.h0, pr.xs, pr.targets));
  }
  for (const c of new Set([ratio(right.loss, valueAt(got, 'loss')), ...PARAM_KEYS.map((k) => fittedFactor(right.grads[k], valueAt(got, `grads.${k}`)))])) {
    if (c === null) continue;
    const v = scaledBpttVariant(c, right, ...counts(pr));
    if (isNamedFactor(c, pr) || shownByManyEntries(v, TASK_PARTS.bptt, got)) out.push(v);
  }
  return out;
}

function trainReadOff(pr: Problem, right: BpttResult, got: unknown, maxNorm: number | null): Variant<TrainResult>[] {
  const out: Variant<TrainResult>[] = [...truncatedUpdates(pr, got, maxNorm)];
  for (const c of new Set([ratio(right.loss, valueAt(got, 'loss')), ratio(globalNormOf(right.grads), valueAt(got, 'norm'))])) {
    if (c === null) continue;
    const v = scaledTrainVariant(c, right.loss, pr.p, right.grads, LR, maxNorm, describeFactor(c, ...counts(pr)));
    if (isNamedFactor(c, pr) || shownByManyEntries(v, TASK_PARTS.trainStep, got, { params: pr.p })) out.push(v);
  }
  return out;
}

/**
 * Any single number is some factor times the right one: a factor counts as a mistake only when it
 * is one of the usual ones (the ½ dropped, a mean for a sum) or a part with several entries shows it.
 */
function isNamedFactor(c: number, pr: Problem): boolean {
  return namedFactors(...counts(pr)).some((n) => Math.abs(n.factor - c) <= 1e-6 * n.factor);
}

function shownByManyEntries(v: Variant<object>, parts: readonly Part[], got: unknown, baseline?: unknown): boolean {
  return parts.some((part) => {
    const theirs = valueAt(got, part.path);
    return Array.isArray(theirs) && theirs.flat(2).length >= 2 && variantExplains(v as Variant<Record<string, unknown>>, part, got, baseline);
  });
}

/**
 * trainStep returns no dhs to read the step count off, so on the long problem every count is tried:
 * the first whose update agrees with the student's is the one.
 */
function truncatedUpdates(pr: Problem, got: unknown, maxNorm: number | null): Variant<TrainResult>[] {
  const T = pr.xs.length;
  if (T < LONG_T) return [];
  const part = TASK_PARTS.trainStep.find((x) => x.path === 'params.Whh') as Part;
  for (let steps = 1; steps < T; steps++) {
    for (const v of truncatedVariants(steps, pr.p, pr.h0, pr.xs, pr.targets)) {
      const grads = v.output.grads as LabGrads;
      const update: Variant<TrainResult> = {
        hint: v.hint,
        says: (name) => `${name} comes from a wrong bptt: ${v.says(name)}`,
        output: { params: sgdUpdate(pr.p, maxNorm === null ? grads : refClip(grads, maxNorm).grads, LR), norm: globalNormOf(grads) },
      };
      if (variantExplains(widen([update])[0], part, got, { params: pr.p })) return [update];
    }
  }
  return [];
}

/** got / expected when both are finite, non-zero and not (nearly) equal; else null. */
function ratio(expected: number, got: unknown): number | null {
  if (typeof got !== 'number' || !Number.isFinite(got) || got === 0 || expected === 0 || !Number.isFinite(expected)) return null;
  const c = got / expected;
  return Math.abs(c - 1) > 1e-6 ? c : null;
}

/** The least-squares factor c with got ≈ c·expected, for one gradient. */
function fittedFactor(expected: LabGrads[keyof LabGrads], got: unknown): number | null {
  const e = expected.flat(), g = Array.isArray(got) ? (got.flat() as unknown[]) : [];
  if (g.length !== e.length || !g.every((x): x is number => typeof x === 'number' && Number.isFinite(x))) return null;
  const ee = e.reduce((s, x) => s + x * x, 0);
  return ee === 0 ? null : ratio(1, e.reduce((s, x, i) => s + x * g[i], 0) / ee);
}

/** Whether a variant's part agrees with the student's part (false when the variant leaves it out). */
export function variantExplains(v: Variant<Record<string, unknown>>, part: Part, got: unknown, baseline?: unknown): boolean {
  const theirs = valueAt(v.output, part.path);
  return theirs !== undefined && partAgrees(part, theirs as Expected, valueAt(got, part.path), valueAt(baseline, part.path) as Expected | undefined);
}

/** Our answers are plain nested numbers already; this only tells the compiler so. */
function expectedOf(value: object): Expected {
  return value as unknown as Expected;
}

function widen<T extends object>(variants: readonly Variant<T>[]): Variant<Record<string, unknown>>[] {
  return variants as unknown as Variant<Record<string, unknown>>[];
}

import type { HintCode } from '../../lesson/hintCodes';
import type { LabTaskId } from '../../lesson/labTasks';
import { entryLabel } from './advice';
import { firstMismatch, partDistance, partMismatch, valueAt, type Expected, type Part } from './partCompare';
import { describeInput, mismatchMessage, mutationMessage, type Explanation } from './feedback';
import type { Variant } from './mistakes';
import { TASK_PARTS, variantExplains, type TaskCase } from './taskCases';

export interface Judgement {
  readonly status: 'fail' | 'error';
  readonly message: string;
  readonly hint: HintCode | null;
  /** The parts that disagree, the one furthest off first (see `TaskReport.parts`). */
  readonly parts: readonly string[];
}

/**
 * Null when the result is right; else what is wrong with it. Each part of the result (the loss, each
 * gradient, dhs, the norm, the parameters) is compared on its own, and each wrong part is matched on
 * its own against the known mistakes, so a hint names only what its part shows.
 */
export function judge(id: LabTaskId, c: TaskCase, got: unknown, mutation: string | null): Judgement | null {
  const parts = TASK_PARTS[id];
  const first = firstMismatch(c.expected, got, '', parts, c.baseline);
  const input = (): string => describeInput(id, c.args);
  if (first?.kind === 'bad-value' && first.got === 'a Promise') {
    return { status: 'error', message: `${id} returned a Promise: it is declared async (or returns one). The lab's functions must return their result directly; remove "async" and any "await".`, hint: null, parts: [] };
  }
  if (first?.kind === 'bad-value' || first?.kind === 'shape') {
    const hint: HintCode | null = first.kind === 'shape' ? 'wrong-shape' : null;
    return { status: first.kind === 'shape' ? 'fail' : 'error', message: mismatchMessage(id, c.label, first, [], [], input()), hint, parts: partsAt(parts, first.path) };
  }
  if (mutation) return { status: 'fail', message: mutationMessage(id, c.label, mutation), hint: 'mutates-input', parts: [] };
  if (!first) return null;

  const wrong = parts.filter((part) => partMismatch(part, valueAt(c.expected, part.path) as Expected, valueAt(got, part.path), valueAt(c.baseline, part.path) as Expected | undefined) !== null);
  // Each wrong part is explained by the known mistake that explains the most wrong parts, so one
  // mistake is named once, with every part that shows it.
  const covers = c.variants(got).map((v) => ({ v, parts: wrong.filter((part) => variantExplains(v, part, got, c.baseline)) }));
  const chosen = new Map<Variant<Record<string, unknown>>, string[]>();
  for (const part of wrong) {
    const best = covers.filter((x) => x.parts.includes(part)).reduce<(typeof covers)[number] | null>((a, b) => (a && a.parts.length >= b.parts.length ? a : b), null);
    if (best) chosen.set(best.v, [...(chosen.get(best.v) ?? []), entryLabel(id, part.path)]);
  }
  const explained: Explanation[] = [...chosen].map(([v, [name, ...others]]) => ({
    part: name, says: `${v.says(name)}${others.length > 0 ? ` (and the same in ${others.join(', ')})` : ''}`, hint: v.hint,
  }));
  const hint = explained.find((x) => x.hint !== null)?.hint ?? (first.kind === 'non-finite' ? 'non-finite' : null);
  const distance = new Map(wrong.map((part) => [part, partDistance(part, valueAt(c.expected, part.path) as Expected, valueAt(got, part.path), valueAt(c.baseline, part.path) as Expected | undefined)]));
  const furthestFirst = [...wrong].sort((a, b) => (distance.get(b) ?? 0) - (distance.get(a) ?? 0));
  return { status: 'fail', message: mismatchMessage(id, c.label, first, wrong.map((p) => entryLabel(id, p.path)), explained, input()), hint, parts: furthestFirst.map((p) => p.name) };
}

/**
 * The parts a wrong structure at `path` lies in or covers: `grads.Whh[2]` is in grads.Whh; a missing
 * `grads` covers every gradient; a wrong whole result covers every part.
 */
function partsAt(parts: readonly Part[], path: string): string[] {
  const within = (inner: string, outer: string): boolean => outer === '' || inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);
  return parts.filter((part) => within(path, part.path) || within(part.path, path)).map((part) => part.name);
}

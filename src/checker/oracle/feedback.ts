import type { LabTaskId } from '../../lesson/labTasks';
import { entryAdvice, entryLabel, hintAdvice } from './advice';
import type { Mismatch } from './partCompare';
import { TASK_ARGUMENTS } from '../labApi';
import type { HintCode } from '../../lesson/hintCodes';
import { LONG_T } from './problems';

/** The sentences of the checker's messages: what was expected, what came back, on which input, what to do. */

const INPUT_CHARS = 1500;

/** The arguments of a call, named as in the lab's rnn.ts, e.g. `p = {…}, h0 = [0.1, −0.2]`. */
export function describeInput(task: LabTaskId, args: readonly unknown[]): string {
  const names = TASK_ARGUMENTS[task];
  const text = args.map((a, i) => `${names[i]} = ${JSON.stringify(a)}`).join(', ');
  return text.length > INPUT_CHARS ? `${text.slice(0, INPUT_CHARS)}…` : text;
}

/** Enough digits to see the difference, few enough to read. */
export function formatPair(expected: number, got: number): [string, string] {
  for (const digits of [6, 10, 17]) {
    const e = fmt(expected, digits), g = fmt(got, digits);
    if (e !== g || digits === 17) return [e, g];
  }
  return [String(expected), String(got)];
}

function fmt(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/** A recognised mistake in one part of the result (the part named in the lesson's notation). */
export interface Explanation {
  readonly part: string;
  readonly says: string;
  readonly hint: HintCode | null;
}

/**
 * What is wrong (the headline entry), on which input, what each wrong part shows when it is a known
 * mistake, and what to do: the pitfall of the first recognised mistake, or advice for the entry.
 */
export function mismatchMessage(task: LabTaskId, caseLabel: string, m: Mismatch, wrongParts: readonly string[], explained: readonly Explanation[], input: string): string {
  const where = entryLabel(task, m.path);
  let what: string;
  switch (m.kind) {
    case 'bad-value':
      what = m.path === '' ? `${task} returned ${m.got}; it must return ${m.expected}.` : `${task} returned ${m.got} as ${where}; expected ${m.expected}.`;
      break;
    case 'shape':
      what = `${where || 'the result'} has the wrong shape: expected ${m.expected}, got ${m.got}.`;
      break;
    case 'non-finite':
    case 'value': {
      const [e, g] = formatPair(m.expected, m.got);
      what = `${where} should be ${e} but is ${g}.`;
      break;
    }
  }
  const also = wrongParts.length > 1 ? ` The parts that disagree: ${wrongParts.join(', ')}.` : '';
  const says = [...new Set(explained.map((x) => x.says))];
  const looksLike = says.length > 0 ? ` Looks like ${says.join('; and ')}.` : '';
  const first = explained.find((x) => x.hint !== null);
  const todo = first?.hint ? hintAdvice(first.hint) : m.kind === 'non-finite' ? `${hintAdvice('non-finite')} ${entryAdvice(task, m.path)}` : entryAdvice(task, m.path);
  return `${what}${also} Input ${caseLabel}.${looksLike} ${todo} Input values: ${input}`;
}

/** The same input twice in a row gave two different results. */
export function statefulMessage(task: LabTaskId, caseLabel: string, change: string, input: string): string {
  return `${task} returned a different result when called again with the same input ${caseLabel} (this time ${change}): its result depends on an earlier call. ${hintAdvice('stateful')} Input values: ${input}`;
}

export function mutationMessage(task: LabTaskId, caseLabel: string, change: string): string {
  return `${task} modified its arguments: ${change} (input ${caseLabel}). ${hintAdvice('mutates-input' satisfies HintCode)} Build new arrays for the results instead of writing into the inputs.`;
}

export function passMessage(task: LabTaskId, cases: number): string {
  const clipping = task === 'clipGradNorm' || task === 'trainStep' ? ', each with maxNorm above and below the gradient norm' : '';
  return `All ${cases} checks of ${task} passed: T = 1, H = 1, targets null except the last, a long sequence (T = ${LONG_T}), a saturating input, seeded random problems, and two calls in a row with the same shapes${clipping}.`;
}

export function printedNote(bytes: number): string {
  return bytes > 100_000 ? ` (It printed ${(bytes / 1e6).toFixed(1)} MB with console.log; the checker discards printed output, so remove the logging in loops.)` : '';
}

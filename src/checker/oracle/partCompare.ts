import { agrees } from './agreement';
import { isUnsupported } from '../plain';

/**
 * Compares what a student function returned with the expected answer, entry by entry, and names
 * the first problem with its indices (e.g. `grads.Whh[2][0]`). Expected answers are numbers,
 * arrays of them, or objects of those; the student's value is anything plain.
 */
export type Expected = number | Expected[] | { readonly [key: string]: Expected };

export type Mismatch =
  /** The value is missing or is not the kind of thing expected (an object, a number). */
  | { readonly kind: 'bad-value'; readonly path: string; readonly expected: string; readonly got: string }
  /** An array with the wrong length or nesting. */
  | { readonly kind: 'shape'; readonly path: string; readonly expected: string; readonly got: string }
  | { readonly kind: 'non-finite'; readonly path: string; readonly expected: number; readonly got: number }
  | { readonly kind: 'value'; readonly path: string; readonly expected: number; readonly got: number };

/**
 * The structure first (a missing field, a wrong length), then the numbers part by part (see
 * `partMismatch`). Null when the result agrees with `expected` everywhere.
 */
export function firstMismatch(expected: Expected, got: unknown, path: string, parts: readonly Part[], baseline?: unknown): Mismatch | null {
  const structure = walkStructure(expected, got, path);
  if (structure) return structure;
  for (const part of parts) {
    const m = partMismatch(part, valueAt(expected, part.path) as Expected, valueAt(got, part.path), valueAt(baseline, part.path) as Expected | undefined);
    if (m) return m;
  }
  return null;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (isUnsupported(v)) return v.$unsupported;
  if (Array.isArray(v)) return `${v.length} entr${v.length === 1 ? 'y' : 'ies'}`;
  if (typeof v === 'object') return `an object with keys {${Object.keys(v).join(', ')}}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)}`;
  return `${typeof v} ${String(v)}`;
}

function shapeOf(e: Expected): string {
  const dims: number[] = [];
  let cur: Expected = e;
  while (Array.isArray(cur)) { dims.push(cur.length); cur = cur[0] ?? 0; }
  const entries = `${dims[0]} entr${dims[0] === 1 ? 'y' : 'ies'}`;
  return dims.length === 1 ? `${entries} (an array of numbers)` : `${entries} (a ${dims.join('×')} array of numbers)`;
}

function walkStructure(e: Expected, g: unknown, path: string, inArray = false): Mismatch | null {
  // Inside an array every problem is one of shape; at a named field a missing value is a bad value.
  const missing = g === undefined || g === null || isUnsupported(g);
  const kind = inArray || !missing ? 'shape' : 'bad-value';
  if (typeof e === 'number') {
    return typeof g === 'number' ? null : { kind: inArray ? 'shape' : 'bad-value', path, expected: 'a number', got: describeValue(g) };
  }
  if (Array.isArray(e)) {
    if (!Array.isArray(g) || g.length !== e.length) return { kind, path, expected: shapeOf(e), got: describeValue(g) };
    for (let i = 0; i < e.length; i++) {
      const m = walkStructure(e[i], g[i], `${path}[${i}]`, true);
      if (m) return m;
    }
    return null;
  }
  if (typeof g !== 'object' || missing || Array.isArray(g)) {
    return { kind: inArray ? 'shape' : 'bad-value', path, expected: `an object with {${Object.keys(e).join(', ')}}`, got: describeValue(g) };
  }
  for (const key of Object.keys(e)) {
    const m = walkStructure(e[key], (g as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, inArray);
    if (m) return m;
  }
  return null;
}

/**
 * One part of a task's result, compared on its own: the loss, one gradient, the norm, one parameter,
 * or a per-step list (hs, ys, dhs) whose steps are each compared on their own.
 */
export interface Part {
  /** Its name in reports (`TaskReport.parts`): the path, or `h` for rnnStep's result. */
  readonly name: string;
  /** Where it sits in the result, e.g. `grads.Whh`; '' for a result that is the part itself. */
  readonly path: string;
  readonly perStep: boolean;
}

/**
 * A part may be compared as a change from a baseline: trainStep's new parameters as the step
 * θ − params they took from the old θ, so a wrong gradient is not hidden by the size of θ.
 */
const minus = (a: number[], b: number[] | undefined): number[] => (b ? a.map((x, i) => x - b[i]) : a);

export function valueAt(value: unknown, path: string): unknown {
  if (path === '') return value;
  return path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), value);
}

const flatNumbers = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flatNumbers) : [v as number]);

/** Does the part agree (every step on its own, for a per-step part)? Its structure must already match. */
export function partAgrees(part: Part, expected: Expected, got: unknown, baseline?: Expected): boolean {
  if (!part.perStep) {
    const base = baseline === undefined ? undefined : flatNumbers(baseline);
    return agrees(minus(flatNumbers(expected), base), minus(flatNumbers(got), base));
  }
  const rows = expected as Expected[], gotRows = got as unknown[];
  return rows.every((row, t) => agrees(flatNumbers(row), flatNumbers(gotRows[t])));
}

/**
 * How far off a part is, relative to its own size: ‖got − expected‖ / ‖expected‖ (as a change from
 * the baseline, like `partAgrees`), the largest over the steps of a per-step part; Infinity where a
 * finite entry came back non-finite or the expected part is zero. Its structure must already match.
 */
export function partDistance(part: Part, expected: Expected, got: unknown, baseline?: Expected): number {
  if (!part.perStep) {
    const base = baseline === undefined ? undefined : flatNumbers(baseline);
    return relativeDistance(minus(flatNumbers(expected), base), minus(flatNumbers(got), base));
  }
  const rows = expected as Expected[], gotRows = got as unknown[];
  return Math.max(0, ...rows.map((row, t) => relativeDistance(flatNumbers(row), flatNumbers(gotRows[t]))));
}

function relativeDistance(expected: readonly number[], got: readonly number[]): number {
  if (agrees(expected, got)) return 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    if (!Number.isFinite(expected[i]) || !Number.isFinite(got[i])) return Infinity;
    scale = Math.max(scale, Math.abs(expected[i]), Math.abs(got[i]));
  }
  let diff2 = 0, size2 = 0;
  for (let i = 0; i < expected.length; i++) {
    diff2 += ((got[i] - expected[i]) / scale) ** 2;
    size2 += (expected[i] / scale) ** 2;
  }
  return size2 === 0 ? Infinity : Math.sqrt(diff2 / size2);
}

/**
 * What to show of a part that disagrees: its first non-finite entry where the expected one is
 * finite; else, in the first step that disagrees (from step T back for dhs, the order BPTT computes
 * them; from step 1 for hs and ys), or in the whole part, the entry that is furthest off.
 */
export function partMismatch(part: Part, expected: Expected, got: unknown, baseline?: Expected): Mismatch | null {
  if (partAgrees(part, expected, got, baseline)) return null;
  const entries = entriesOf(expected, got, part.path);
  const nonFinite = entries.find((x) => Number.isFinite(x.expected) && !Number.isFinite(x.got));
  if (nonFinite) return { kind: 'non-finite', ...nonFinite };
  let within = entries;
  if (part.perStep) {
    const rows = expected as Expected[], gotRows = got as unknown[];
    const order = rows.map((_, t) => t);
    if (part.path === 'dhs') order.reverse();
    const t = order.find((i) => !agrees(flatNumbers(rows[i]), flatNumbers(gotRows[i]))) ?? 0;
    within = entries.filter((x) => x.path.startsWith(`${part.path}[${t}]`));
  }
  const worst = within.reduce((a, b) => (Math.abs(b.got - b.expected) > Math.abs(a.got - a.expected) || Number.isNaN(b.got - b.expected) ? b : a));
  return { kind: 'value', ...worst };
}

function entriesOf(e: Expected, g: unknown, path: string): { path: string; expected: number; got: number }[] {
  if (typeof e === 'number') return [{ path, expected: e, got: g as number }];
  const ga = g as unknown[];
  return (e as Expected[]).flatMap((x, i) => entriesOf(x, ga[i], `${path}[${i}]`));
}

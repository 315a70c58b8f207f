import { isUnsupported } from './plain';

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

/** float64 results may differ in the last bits when sums run in another order. */
export function close(expected: number, got: number): boolean {
  return Math.abs(expected - got) <= 1e-9 + 1e-7 * Math.abs(expected);
}

export function firstMismatch(expected: Expected, got: unknown, path: string): Mismatch | null {
  return walkStructure(expected, got, path) ?? walkNumbers(expected, got, path, 'non-finite') ?? walkNumbers(expected, got, path, 'value');
}

/** True when every entry of `expected` is matched by `got` (extra keys of `got` are ignored). */
export function matches(expected: Expected, got: unknown): boolean {
  return firstMismatch(expected, got, '') === null;
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

/** Walks numbers only (the structure is known to match). */
function walkNumbers(e: Expected, g: unknown, path: string, pass: 'non-finite' | 'value'): Mismatch | null {
  if (typeof e === 'number') {
    const got = g as number;
    if (pass === 'non-finite') return Number.isFinite(e) && !Number.isFinite(got) ? { kind: 'non-finite', path, expected: e, got } : null;
    return close(e, got) ? null : { kind: 'value', path, expected: e, got };
  }
  if (Array.isArray(e)) {
    const ga = g as unknown[];
    for (let i = 0; i < e.length; i++) {
      const m = walkNumbers(e[i], ga[i], `${path}[${i}]`, pass);
      if (m) return m;
    }
    return null;
  }
  for (const key of Object.keys(e)) {
    const m = walkNumbers(e[key], (g as Record<string, unknown>)[key], path === '' ? key : `${path}.${key}`, pass);
    if (m) return m;
  }
  return null;
}

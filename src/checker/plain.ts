/**
 * Turns whatever a student function returned into plain data the checker can post and compare:
 * numbers, strings, booleans, null, undefined, arrays and plain objects. Typed arrays become arrays
 * (a Float64Array is a fine Vec). Anything else becomes an `Unsupported` marker that names it, so a
 * function or a Promise in a result is reported, not lost. Sizes are capped: a runaway result
 * cannot flood the checker.
 */
export interface Unsupported { readonly $unsupported: string }

export function isUnsupported(value: unknown): value is Unsupported {
  return typeof value === 'object' && value !== null && typeof (value as { $unsupported?: unknown }).$unsupported === 'string';
}

const MAX_ENTRIES = 2_000_000;
const MAX_DEPTH = 8;

export function toPlain(value: unknown): unknown {
  const budget = { entries: 0 };
  return convert(value, 0, budget);
}

function convert(value: unknown, depth: number, budget: { entries: number }): unknown {
  if (++budget.entries > MAX_ENTRIES) return { $unsupported: 'a result with more than 2,000,000 entries' };
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'function') return { $unsupported: 'a function' };
  if (typeof value !== 'object') return { $unsupported: `a ${typeof value}` };
  if (depth >= MAX_DEPTH) return { $unsupported: 'a value nested deeper than 8 levels' };
  if (typeof (value as { then?: unknown }).then === 'function') return { $unsupported: 'a Promise' };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>, (x) => Number(x));
  }
  if (Array.isArray(value)) return value.map((v) => convert(v, depth + 1, budget));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    if (value instanceof Map || value instanceof Set) return { $unsupported: `a ${String(name)}` };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = convert((value as Record<string, unknown>)[key], depth + 1, budget);
  return out;
}

/**
 * The first place where `after` differs from `before` (two plain values), as an access path such as
 * `p.Whh[0][1]`, with both values; null when they are equal. NaN equals NaN here.
 */
export function firstChange(name: string, before: unknown, after: unknown): string | null {
  if (Object.is(before, after)) return null;
  if (typeof before === 'number' && typeof after === 'number') return `${name} changed from ${before} to ${after}`;
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return `${name} changed length from ${before.length} to ${after.length}`;
    for (let i = 0; i < before.length; i++) {
      const c = firstChange(`${name}[${i}]`, before[i], after[i]);
      if (c) return c;
    }
    return null;
  }
  if (isRecord(before) && isRecord(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const c = firstChange(`${name}.${key}`, before[key], after[key]);
      if (c) return c;
    }
    return null;
  }
  return `${name} changed from ${short(before)} to ${short(after)}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function short(v: unknown): string {
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (v === null || typeof v !== 'object') return String(v);
  return 'an object';
}

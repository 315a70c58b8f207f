/**
 * An invalid input to the engine. The message names the field, what was expected and what came,
 * e.g. `Whh must be H×H = 4×4, got 4×3`. `field` is the dotted path of the offending value.
 */
export class EngineInputError extends Error {
  constructor(readonly field: string, detail: string) {
    super(`${field} ${detail}`);
    this.name = 'EngineInputError';
  }
}

export function requirePositiveInteger(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new EngineInputError(field, `must be a positive integer, got ${describe(value)}`);
  }
  return value;
}

export function requireFiniteNumber(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EngineInputError(field, `must be a finite number, got ${describe(value)}`);
  }
  return value;
}

/** Throws when any entry is NaN or ±Infinity, naming the first one. */
export function requireFiniteArray(field: string, values: ArrayLike<number>, shape: readonly number[]): void {
  if (values instanceof Float64Array && allFinite(values)) return;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EngineInputError(`${field}${indexLabel(i, shape)}`, `must be finite, got ${values[i]}`);
    }
  }
}

/** x − x is 0 for every finite x and NaN for NaN and ±Infinity: one branch-free pass over the array. */
function allFinite(values: Float64Array): boolean {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] - values[i];
  return s === 0;
}

/** `[b][t][d]`-style label of flat index i in an array of the given shape. */
export function indexLabel(flatIndex: number, shape: readonly number[]): string {
  const parts: number[] = [];
  let rest = flatIndex;
  for (let k = shape.length - 1; k >= 0; k--) {
    parts.unshift(rest % shape[k]);
    rest = Math.floor(rest / shape[k]);
  }
  return parts.map((p) => `[${p}]`).join('');
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}

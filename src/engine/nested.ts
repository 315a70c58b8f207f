import type { LossSpec, SequenceBatch, Targets } from './batch';
import { EngineInputError, describe } from './errors';
import { TRAINED_PARAMETERS, type RnnGrads, type RnnParams } from './params';
import { matrixToNested, type Matrix } from './tensor';

/**
 * Conversions between nested number arrays (case files, the student's lab API, JSON for the
 * webview) and the engine's flat storage. Every reader checks the nesting and names the field.
 */
export type NestedVec = number[];
export type NestedMat = number[][];

export interface NestedParams {
  Wxh: NestedMat; Whh: NestedMat; bh: NestedVec; Why: NestedMat; by: NestedVec; h0: NestedVec;
}
export type NestedGrads = Omit<NestedParams, 'h0'>;

export function vectorFromNested(field: string, value: unknown): Float64Array {
  if (!Array.isArray(value)) throw new EngineInputError(field, `must be an array of numbers, got ${describe(value)}`);
  const out = new Float64Array(value.length);
  value.forEach((x, i) => {
    if (typeof x !== 'number') throw new EngineInputError(`${field}[${i}]`, `must be a number, got ${describe(x)}`);
    out[i] = x;
  });
  return out;
}

export function matrixFromNested(field: string, value: unknown): Matrix {
  if (!Array.isArray(value) || value.length === 0) {
    throw new EngineInputError(field, `must be a non-empty array of rows, got ${describe(value)}`);
  }
  const rows = value.length;
  const first = value[0];
  if (!Array.isArray(first)) throw new EngineInputError(`${field}[0]`, `must be a row (an array of numbers), got ${describe(first)}`);
  const cols = first.length;
  const data = new Float64Array(rows * cols);
  value.forEach((row, i) => {
    const r = vectorFromNested(`${field}[${i}]`, row);
    if (r.length !== cols) throw new EngineInputError(`${field}[${i}]`, `has ${r.length} entries but row 0 has ${cols} (ragged matrix)`);
    data.set(r, i * cols);
  });
  return { rows, cols, data };
}

export function paramsFromNested(value: unknown, field = 'params'): RnnParams {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineInputError(field, `must be an object with Wxh, Whh, bh, Why, by, h0, got ${describe(value)}`);
  }
  const v = value as Record<string, unknown>;
  for (const key of [...TRAINED_PARAMETERS, 'h0']) {
    if (!(key in v)) throw new EngineInputError(`${field}.${key}`, 'is missing');
  }
  return {
    Wxh: matrixFromNested(`${field}.Wxh`, v.Wxh),
    Whh: matrixFromNested(`${field}.Whh`, v.Whh),
    bh: vectorFromNested(`${field}.bh`, v.bh),
    Why: matrixFromNested(`${field}.Why`, v.Why),
    by: vectorFromNested(`${field}.by`, v.by),
    h0: vectorFromNested(`${field}.h0`, v.h0),
  };
}

/** xs as nested B×T×D (every sequence the same length T, every step the same D). */
export function batchFromNested(value: unknown, field = 'xs'): SequenceBatch {
  if (!Array.isArray(value) || value.length === 0) throw new EngineInputError(field, `must be a non-empty B×T×D array, got ${describe(value)}`);
  const B = value.length;
  const seq0 = value[0];
  if (!Array.isArray(seq0) || seq0.length === 0) throw new EngineInputError(`${field}[0]`, `must be a non-empty T×D array, got ${describe(seq0)}`);
  const T = seq0.length;
  const step0 = seq0[0];
  if (!Array.isArray(step0)) throw new EngineInputError(`${field}[0][0]`, `must be an array of D numbers, got ${describe(step0)}`);
  const D = step0.length;
  const xs = new Float64Array(B * T * D);
  value.forEach((seq, b) => {
    if (!Array.isArray(seq) || seq.length !== T) {
      throw new EngineInputError(`${field}[${b}]`, `must have T = ${T} steps like ${field}[0], got ${describe(seq)} (ragged batch)`);
    }
    seq.forEach((step, t) => {
      const x = vectorFromNested(`${field}[${b}][${t}]`, step);
      if (x.length !== D) throw new EngineInputError(`${field}[${b}][${t}]`, `must have D = ${D} numbers like ${field}[0][0], got ${x.length}`);
      xs.set(x, (b * T + t) * D);
    });
  });
  return { B, T, D, xs };
}

/** Targets as nested B×T×O numbers (mse) or B×T class indices (xent). */
export function targetsFromNested(value: unknown, loss: LossSpec, B: number, T: number, field = 'targets'): Targets {
  if (!Array.isArray(value) || value.length !== B) throw new EngineInputError(field, `must be an array of B = ${B} sequences, got ${describe(value)}`);
  if (loss.kind === 'xent') {
    const classes = new Int32Array(B * T);
    value.forEach((seq, b) => {
      if (!Array.isArray(seq) || seq.length !== T) throw new EngineInputError(`${field}[${b}]`, `must have T = ${T} class indices, got ${describe(seq)}`);
      seq.forEach((c, t) => {
        if (typeof c !== 'number' || !Number.isInteger(c)) throw new EngineInputError(`${field}[${b}][${t}]`, `must be an integer class index, got ${describe(c)}`);
        classes[b * T + t] = c;
      });
    });
    return { kind: 'xent', classes };
  }
  const nested = batchFromNested(value, field);
  if (nested.T !== T) throw new EngineInputError(field, `must have T = ${T} steps per sequence, got ${nested.T}`);
  return { kind: 'mse', values: nested.xs };
}

export function paramsToNested(p: RnnParams): NestedParams {
  return { ...gradsToNested(p), h0: Array.from(p.h0) };
}

export function gradsToNested(g: RnnGrads): NestedGrads {
  return {
    Wxh: matrixToNested(g.Wxh), Whh: matrixToNested(g.Whh), bh: Array.from(g.bh),
    Why: matrixToNested(g.Why), by: Array.from(g.by),
  };
}

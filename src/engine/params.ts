import { EngineInputError, requireFiniteArray } from './errors';
import { cloneMatrix, zerosMatrix, type Matrix } from './tensor';

/** The sizes of a model: input D, hidden H, output O. */
export interface Sizes {
  readonly D: number;
  readonly H: number;
  readonly O: number;
}

/**
 * The trained parameters of the tanh RNN plus its initial state h0 (shared by every sequence of a
 * batch, not trained): a_t = Wxh x_t + Whh h_{t−1} + bh, h_t = tanh(a_t), y_t = Why h_t + by.
 */
export interface RnnParams {
  readonly Wxh: Matrix; // H×D
  readonly Whh: Matrix; // H×H
  readonly bh: Float64Array; // H
  readonly Why: Matrix; // O×H
  readonly by: Float64Array; // O
  readonly h0: Float64Array; // H
}

/** dL/dθ for the five trained parameters, in their shapes. */
export interface RnnGrads {
  readonly Wxh: Matrix;
  readonly Whh: Matrix;
  readonly bh: Float64Array;
  readonly Why: Matrix;
  readonly by: Float64Array;
}

export const TRAINED_PARAMETERS = ['Wxh', 'Whh', 'bh', 'Why', 'by'] as const;
export type TrainedParameter = (typeof TRAINED_PARAMETERS)[number];

export function sizesOf(p: RnnParams): Sizes {
  return { D: p.Wxh.cols, H: p.Wxh.rows, O: p.Why.rows };
}

export function zeroGrads({ D, H, O }: Sizes): RnnGrads {
  return {
    Wxh: zerosMatrix(H, D), Whh: zerosMatrix(H, H), bh: new Float64Array(H),
    Why: zerosMatrix(O, H), by: new Float64Array(O),
  };
}

export function cloneParams(p: RnnParams): RnnParams {
  return {
    Wxh: cloneMatrix(p.Wxh), Whh: cloneMatrix(p.Whh), bh: p.bh.slice(),
    Why: cloneMatrix(p.Why), by: p.by.slice(), h0: p.h0.slice(),
  };
}

export function cloneGrads(g: RnnGrads): RnnGrads {
  return { Wxh: cloneMatrix(g.Wxh), Whh: cloneMatrix(g.Whh), bh: g.bh.slice(), Why: cloneMatrix(g.Why), by: g.by.slice() };
}

/** The flat storage of one trained parameter (or its gradient). */
export function trainedBuffer(p: RnnParams | RnnGrads, name: TrainedParameter): Float64Array {
  const value = p[name];
  return value instanceof Float64Array ? value : value.data;
}

/** The flat storage of each trained parameter (or gradient), in TRAINED_PARAMETERS order. */
export function trainedBuffers(p: RnnParams | RnnGrads): Float64Array[] {
  return TRAINED_PARAMETERS.map((name) => trainedBuffer(p, name));
}

/**
 * Checks that the shapes agree with each other (H from Wxh's rows, D from its columns, O from Why's
 * rows) and that every entry is finite. Returns the sizes.
 */
export function validateParams(p: RnnParams, field = 'params'): Sizes {
  if (p === null || typeof p !== 'object') throw new EngineInputError(field, 'must be an object with Wxh, Whh, bh, Why, by, h0');
  const H = p.Wxh.rows;
  const D = p.Wxh.cols;
  const O = p.Why.rows;
  if (H < 1 || D < 1 || O < 1) throw new EngineInputError(`${field}.Wxh/Why`, `need at least one row and column, got Wxh ${H}×${D}, Why ${O}×${p.Why.cols}`);
  expectMatrix(`${field}.Whh`, p.Whh, H, H, 'H×H');
  expectMatrix(`${field}.Why`, p.Why, O, H, 'O×H');
  expectVector(`${field}.bh`, p.bh, H, 'H');
  expectVector(`${field}.by`, p.by, O, 'O');
  expectVector(`${field}.h0`, p.h0, H, 'H');
  requireFiniteArray(`${field}.Wxh`, p.Wxh.data, [H, D]);
  requireFiniteArray(`${field}.Whh`, p.Whh.data, [H, H]);
  requireFiniteArray(`${field}.bh`, p.bh, [H]);
  requireFiniteArray(`${field}.Why`, p.Why.data, [O, H]);
  requireFiniteArray(`${field}.by`, p.by, [O]);
  requireFiniteArray(`${field}.h0`, p.h0, [H]);
  return { D, H, O };
}

function expectMatrix(field: string, m: Matrix, rows: number, cols: number, name: string): void {
  if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
    throw new EngineInputError(field, `must be ${name} = ${rows}×${cols}, got ${m.rows}×${m.cols}`);
  }
}

function expectVector(field: string, v: Float64Array, length: number, name: string): void {
  if (v.length !== length) throw new EngineInputError(field, `must have length ${name} = ${length}, got ${v.length}`);
}

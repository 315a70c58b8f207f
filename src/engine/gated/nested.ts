import { EngineInputError, describe } from '../errors';
import { matrixFromNested, vectorFromNested, type NestedMat, type NestedVec } from '../nested';
import { matrixToNested } from '../tensor';
import type { CellKind, GatedGrads, GatedParams } from './params';

/** A gated cell's parameters and gradients as nested arrays (the case files' `params` and `grads`). */
export interface NestedGatedGrads { Wx: NestedMat; Wh: NestedMat; b: NestedVec; Why: NestedMat; by: NestedVec }
export interface NestedGatedParams extends NestedGatedGrads { h0: NestedVec; c0?: NestedVec }

/** Reads `params` of a case with `"cell": "lstm" | "gru"`, naming the field of anything missing or malformed. */
export function gatedParamsFromNested(cell: CellKind, value: unknown, field = 'params'): GatedParams {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineInputError(field, `must be an object with Wx, Wh, b, Why, by, h0${cell === 'lstm' ? ', c0' : ''}, got ${describe(value)}`);
  }
  const v = value as Record<string, unknown>;
  const keys = cell === 'lstm' ? ['Wx', 'Wh', 'b', 'Why', 'by', 'h0', 'c0'] : ['Wx', 'Wh', 'b', 'Why', 'by', 'h0'];
  for (const key of keys) {
    if (!(key in v)) throw new EngineInputError(`${field}.${key}`, `is missing (a ${cell} case needs ${keys.join(', ')})`);
  }
  const weights = {
    Wx: matrixFromNested(`${field}.Wx`, v.Wx), Wh: matrixFromNested(`${field}.Wh`, v.Wh), b: vectorFromNested(`${field}.b`, v.b),
    Why: matrixFromNested(`${field}.Why`, v.Why), by: vectorFromNested(`${field}.by`, v.by), h0: vectorFromNested(`${field}.h0`, v.h0),
  };
  return cell === 'lstm' ? { ...weights, cell, c0: vectorFromNested(`${field}.c0`, v.c0) } : { ...weights, cell };
}

export function gatedGradsToNested(g: GatedGrads): NestedGatedGrads {
  return { Wx: matrixToNested(g.Wx), Wh: matrixToNested(g.Wh), b: Array.from(g.b), Why: matrixToNested(g.Why), by: Array.from(g.by) };
}

export function gatedParamsToNested(p: GatedParams): NestedGatedParams {
  const out: NestedGatedParams = { ...gatedGradsToNested(p), h0: Array.from(p.h0) };
  if (p.cell === 'lstm') out.c0 = Array.from(p.c0);
  return out;
}

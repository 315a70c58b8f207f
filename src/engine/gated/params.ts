import { EngineInputError, requireFiniteArray, requireFiniteNumber, requirePositiveInteger } from '../errors';
import type { Sizes } from '../params';
import type { Rng } from '../random';
import { cloneMatrix, sumOfSquares, zerosMatrix, type Matrix } from '../tensor';

/**
 * The parameters of the gated cells (the Week-11 preview), gate blocks stacked row-wise:
 *
 *   LSTM  Wx 4H×D, Wh 4H×H, b 4H (blocks i, f, g, o), Why O×H, by O, h0 H, c0 H
 *   GRU   Wx 3H×D, Wh 3H×H, b 3H (blocks r, z, n),    Why O×H, by O, h0 H
 *
 * Block k of a stacked parameter is rows k·H .. (k+1)·H − 1. h0 and c0 are shared by every sequence
 * of a batch and are not trained, as h0 of the plain RNN.
 */
export type CellKind = 'lstm' | 'gru';

export const CELL_KINDS: readonly CellKind[] = ['lstm', 'gru'];

/** The five trained parameters of a gated cell (also the shape of their gradients). */
export interface GatedWeights {
  readonly Wx: Matrix;
  readonly Wh: Matrix;
  readonly b: Float64Array;
  readonly Why: Matrix;
  readonly by: Float64Array;
}

export interface LstmParams extends GatedWeights {
  readonly cell: 'lstm';
  readonly h0: Float64Array;
  readonly c0: Float64Array;
}

export interface GruParams extends GatedWeights {
  readonly cell: 'gru';
  readonly h0: Float64Array;
}

export type GatedParams = LstmParams | GruParams;

/** dL/dθ for the five trained parameters, in their shapes. */
export type GatedGrads = GatedWeights;

export const GATED_TRAINED_PARAMETERS = ['Wx', 'Wh', 'b', 'Why', 'by'] as const;

/** Gate blocks per cell: i, f, g, o for the LSTM; r, z, n for the GRU. */
export function gateCount(cell: CellKind): number {
  return cell === 'lstm' ? 4 : 3;
}

/** The row block of each LSTM gate in Wx, Wh and b. */
export const LSTM_BLOCK = { i: 0, f: 1, g: 2, o: 3 } as const;
/** The row block of each GRU gate in Wx, Wh and b. */
export const GRU_BLOCK = { r: 0, z: 1, n: 2 } as const;

export function gatedSizesOf(p: GatedWeights): Sizes {
  return { D: p.Wx.cols, H: p.Wh.cols, O: p.Why.rows };
}

export function zeroGatedGrads(cell: CellKind, { D, H, O }: Sizes): GatedGrads {
  const G = gateCount(cell);
  return { Wx: zerosMatrix(G * H, D), Wh: zerosMatrix(G * H, H), b: new Float64Array(G * H), Why: zerosMatrix(O, H), by: new Float64Array(O) };
}

/** The flat storage of each trained parameter (or gradient), in a fixed order. */
export function gatedBuffers(p: GatedWeights): Float64Array[] {
  return [p.Wx.data, p.Wh.data, p.b, p.Why.data, p.by];
}

/** The global norm over the five gradients: the number the clipping rule compares with its threshold. */
export function gatedGlobalNorm(g: GatedGrads): number {
  let s = 0;
  for (const buf of gatedBuffers(g)) s += sumOfSquares(buf);
  return Math.sqrt(s);
}

export function cloneGatedParams<P extends GatedParams>(p: P): P {
  const weights = { Wx: cloneMatrix(p.Wx), Wh: cloneMatrix(p.Wh), b: p.b.slice(), Why: cloneMatrix(p.Why), by: p.by.slice(), h0: p.h0.slice() };
  return (p.cell === 'lstm' ? { ...weights, cell: 'lstm', c0: p.c0.slice() } : { ...weights, cell: 'gru' }) as P;
}

/** Checks every shape against the sizes of Wx (G·H×D) and Why (O×H) and that every entry is finite. */
export function validateGatedParams(p: GatedParams, field = 'params'): Sizes {
  if (p.cell !== 'lstm' && p.cell !== 'gru') throw new EngineInputError('cell', `must be "lstm" or "gru", got ${JSON.stringify((p as { cell: unknown }).cell)}`);
  const G = gateCount(p.cell);
  const blocks = p.cell === 'lstm' ? 'i, f, g, o' : 'r, z, n';
  const H = p.Wh.cols, D = p.Wx.cols, O = p.Why.rows;
  if (H < 1 || D < 1 || O < 1) throw new EngineInputError(`${field}.Wx/Wh/Why`, `need at least one row and column, got Wx ${p.Wx.rows}×${D}, Wh ${p.Wh.rows}×${H}, Why ${O}×${p.Why.cols}`);
  expectShape(`${field}.Wh`, p.Wh, G * H, H, `${G}H×H (blocks ${blocks})`);
  expectShape(`${field}.Wx`, p.Wx, G * H, D, `${G}H×D (blocks ${blocks})`);
  expectShape(`${field}.Why`, p.Why, O, H, 'O×H');
  expectLength(`${field}.b`, p.b, G * H, `${G}H`);
  expectLength(`${field}.by`, p.by, O, 'O');
  expectLength(`${field}.h0`, p.h0, H, 'H');
  if (p.cell === 'lstm') expectLength(`${field}.c0`, p.c0, H, 'H');
  for (const [name, v, shape] of [
    ['Wx', p.Wx.data, [G * H, D]], ['Wh', p.Wh.data, [G * H, H]], ['b', p.b, [G * H]],
    ['Why', p.Why.data, [O, H]], ['by', p.by, [O]], ['h0', p.h0, [H]],
  ] as const) requireFiniteArray(`${field}.${name}`, v, shape);
  if (p.cell === 'lstm') requireFiniteArray(`${field}.c0`, p.c0, [H]);
  return { D, H, O };
}

function expectShape(field: string, m: Matrix, rows: number, cols: number, name: string): void {
  if (m.rows !== rows || m.cols !== cols || m.data.length !== rows * cols) {
    throw new EngineInputError(field, `must be ${name} = ${rows}×${cols}, got ${m.rows}×${m.cols}`);
  }
}

function expectLength(field: string, v: Float64Array, length: number, name: string): void {
  if (v.length !== length) throw new EngineInputError(field, `must have length ${name} = ${length}, got ${v.length}`);
}

/** How to draw a gated cell's first weights. */
export interface GatedInitOptions {
  /** The LSTM's forget-gate bias b_f (every entry); ignored for the GRU. */
  readonly forgetBias?: number;
}

/**
 * The usual default start of gated cells (as torch.nn.LSTM and nn.GRU draw it): every weight from
 * U(±1/√H); the biases 0 here, except the LSTM's forget-gate block, set to `forgetBias` (default 0).
 * h0 = c0 = 0.
 */
export function initGatedParams(cell: CellKind, sizes: Sizes, rng: Rng, options: GatedInitOptions = {}): GatedParams {
  const D = requirePositiveInteger('sizes.D', sizes.D);
  const H = requirePositiveInteger('sizes.H', sizes.H);
  const O = requirePositiveInteger('sizes.O', sizes.O);
  const forgetBias = requireFiniteNumber('options.forgetBias', options.forgetBias ?? 0);
  const G = gateCount(cell);
  const bound = 1 / Math.sqrt(H);
  const draw = (rows: number, cols: number): Matrix => {
    const m = zerosMatrix(rows, cols);
    for (let i = 0; i < m.data.length; i++) m.data[i] = rng.between(-bound, bound);
    return m;
  };
  const Wx = draw(G * H, D);
  const Wh = draw(G * H, H);
  const Why = draw(O, H);
  const b = new Float64Array(G * H);
  if (cell === 'lstm') b.fill(forgetBias, LSTM_BLOCK.f * H, (LSTM_BLOCK.f + 1) * H);
  const weights = { Wx, Wh, b, Why, by: new Float64Array(O), h0: new Float64Array(H) };
  return cell === 'lstm' ? { ...weights, cell, c0: new Float64Array(H) } : { ...weights, cell };
}

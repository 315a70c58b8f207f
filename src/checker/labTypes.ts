import { gradsToNested, matrixFromNested, paramsToNested, vectorFromNested, type RnnGrads, type RnnParams, type SequenceBatch, type StepMask, type Targets } from '../engine';

/** The student API's types (as the lab template's rnn.ts declares them), as plain nested arrays. */
export type Vec = number[];
export type Mat = number[][];
export interface LabParams { Wxh: Mat; Whh: Mat; bh: Vec; Why: Mat; by: Vec }
export type LabGrads = LabParams;

export const PARAM_KEYS = ['Wxh', 'Whh', 'bh', 'Why', 'by'] as const;

export function toEngineParams(p: LabParams, h0: Vec): RnnParams {
  return {
    Wxh: matrixFromNested('p.Wxh', p.Wxh), Whh: matrixFromNested('p.Whh', p.Whh), bh: vectorFromNested('p.bh', p.bh),
    Why: matrixFromNested('p.Why', p.Why), by: vectorFromNested('p.by', p.by), h0: vectorFromNested('h0', h0),
  };
}

/** One lab sequence as the engine sees it: a batch of B = 1, and a loss at the steps with a target. */
export interface EngineProblem {
  readonly params: RnnParams;
  readonly batch: SequenceBatch;
  readonly targets: Targets;
  readonly loss: { readonly kind: 'mse'; readonly at: StepMask };
}

/** The steps whose target is null are not in the loss (their target entries are zeros, unread). */
export function toEngineProblem(p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): EngineProblem {
  const params = toEngineParams(p, h0);
  const O = params.Why.rows;
  return {
    params,
    batch: { B: 1, T: xs.length, D: params.Wxh.cols, xs: Float64Array.from(xs.flat()) },
    targets: { kind: 'mse', values: Float64Array.from(targets.flatMap((y) => y ?? new Array<number>(O).fill(0))) },
    loss: { kind: 'mse', at: targets.map((y) => y !== null) },
  };
}

/** dL/dh_t for t = 1..T of a batch of B = 1 (the engine's hiddenGrads), as the lab's dhs[t − 1]. */
export function dhsFromEngine(hiddenGrads: Float64Array, H: number): Vec[] {
  return Array.from({ length: hiddenGrads.length / H }, (_, t) => Array.from(hiddenGrads.subarray(t * H, (t + 1) * H)));
}

export function toEngineGrads(g: LabGrads): RnnGrads {
  return toEngineParams(g, new Array<number>(g.bh.length).fill(0));
}

export function fromEngineParams(p: RnnParams): LabParams {
  const n = paramsToNested(p);
  return { Wxh: n.Wxh, Whh: n.Whh, bh: n.bh, Why: n.Why, by: n.by };
}

export function fromEngineGrads(g: RnnGrads): LabGrads {
  return gradsToNested(g);
}

/** Applies f to every entry of every parameter (or gradient), keeping the shapes. */
export function mapParams(p: LabParams, f: (v: number, key: (typeof PARAM_KEYS)[number]) => number): LabParams {
  const m = (M: Mat, key: (typeof PARAM_KEYS)[number]): Mat => M.map((row) => row.map((v) => f(v, key)));
  return { Wxh: m(p.Wxh, 'Wxh'), Whh: m(p.Whh, 'Whh'), bh: p.bh.map((v) => f(v, 'bh')), Why: m(p.Why, 'Why'), by: p.by.map((v) => f(v, 'by')) };
}

/** θ − lr·g, entry by entry. */
export function sgdUpdate(p: LabParams, g: LabGrads, lr: number): LabParams {
  const m = (P: Mat, G: Mat): Mat => P.map((row, i) => row.map((v, j) => v - lr * G[i][j]));
  const v = (P: Vec, G: Vec): Vec => P.map((x, i) => x - lr * G[i]);
  return { Wxh: m(p.Wxh, g.Wxh), Whh: m(p.Whh, g.Whh), bh: v(p.bh, g.bh), Why: m(p.Why, g.Why), by: v(p.by, g.by) };
}

export function sumOfSquares(values: readonly number[]): number {
  return values.reduce((s, x) => s + x * x, 0);
}

/** The global norm: sqrt of the sum of squares of every entry of all five gradients. */
export function globalNormOf(g: LabGrads): number {
  return Math.sqrt(PARAM_KEYS.reduce((s, k) => s + sumOfSquares(g[k].flat()), 0));
}

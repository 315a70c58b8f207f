import {
  CELL_KINDS, EngineInputError, batchFromNested, describe, gatedBptt, gatedGradsToNested, gatedParamsFromNested,
  gatedParamsToNested, gatedSgdStep, targetsFromNested, validateGatedParams, validateLoss,
  type CellKind, type GatedParams, type LossSpec, type NestedGatedGrads, type NestedGatedParams, type SequenceBatch,
  type SgdConfig, type Targets,
} from '../engine';
import { readTrain } from './engineCase';

/** A case with `"cell": "lstm" | "gru"` (test/fixtures/engine-cases/gated), read into the engine's types. */
export interface GatedEngineCase {
  readonly params: GatedParams;
  readonly batch: SequenceBatch;
  readonly loss: LossSpec;
  readonly targets: Targets;
  readonly train: SgdConfig | null;
}

/** What `rnn-lab engine` prints for a gated case: the plain case's keys, `cellGradNorms` too for the LSTM. */
export interface GatedEngineCaseOutput {
  loss: number;
  hiddenGradNorms: number[];
  cellGradNorms?: number[];
  grads: NestedGatedGrads;
  gradNorm: number;
  trainLosses?: number[];
  trainGradNorms?: number[];
  finalLoss?: number;
  finalParams?: NestedGatedParams;
}

/** Whether a parsed case names a gated cell (a case without `cell` is the plain tanh RNN's). */
export function isGatedCase(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'cell' in value;
}

export function readGatedEngineCase(value: unknown): GatedEngineCase {
  const c = value as Record<string, unknown>;
  if (!(CELL_KINDS as readonly unknown[]).includes(c.cell)) {
    throw new EngineInputError('cell', `must be "lstm" or "gru" (or absent for the plain tanh RNN), got ${describe(c.cell)}`);
  }
  for (const key of ['params', 'xs', 'loss', 'targets']) {
    if (!(key in c)) throw new EngineInputError(key, 'is missing (a case needs params, xs, loss and targets)');
  }
  const params = gatedParamsFromNested(c.cell as CellKind, c.params);
  const batch = batchFromNested(c.xs);
  const loss = c.loss as LossSpec;
  validateLoss(loss);
  const targets = targetsFromNested(c.targets, loss, batch.B, batch.T);
  validateGatedParams(params);
  return { params, batch, loss, targets, train: readTrain(c.train) };
}

/** BPTT at the case's parameters and, when the case trains, the SGD run (the plain RNN's rule). */
export function runGatedEngineCase(c: GatedEngineCase): GatedEngineCaseOutput {
  const r = gatedBptt(c.params, c.batch, c.targets, c.loss);
  const out: GatedEngineCaseOutput = {
    loss: r.loss,
    hiddenGradNorms: Array.from(r.hiddenGradNorms),
    ...(r.cellGradNorms ? { cellGradNorms: Array.from(r.cellGradNorms) } : {}),
    grads: gatedGradsToNested(r.grads),
    gradNorm: r.gradNorm,
  };
  if (c.train === null) return out;
  let p = c.params;
  out.trainLosses = [];
  out.trainGradNorms = [];
  for (let s = 1; s <= c.train.steps; s++) {
    const { params, record } = gatedSgdStep(p, c.batch, c.targets, c.loss, c.train.lr, c.train.clip, s);
    p = params;
    out.trainLosses.push(record.loss);
    out.trainGradNorms.push(record.gradNorm);
  }
  out.finalLoss = gatedBptt(p, c.batch, c.targets, c.loss).loss;
  out.finalParams = gatedParamsToNested(p);
  return out;
}

import {
  EngineInputError, batchFromNested, describe, gradsToNested, paramsFromNested, paramsToNested, targetsFromNested,
  validateLoss, validateSgdConfig, type Engine, type LossSpec, type NestedGrads, type NestedParams, type RnnParams,
  type SequenceBatch, type SgdConfig, type Targets,
} from '../engine';

/** An engine case (the format of test/fixtures/engine-cases), read into the engine's types. */
export interface EngineCase {
  readonly params: RnnParams;
  readonly batch: SequenceBatch;
  readonly loss: LossSpec;
  readonly targets: Targets;
  readonly train: SgdConfig | null;
}

/** What `rnn-lab engine` prints: the keys of a case's `expected`. */
export interface EngineCaseOutput {
  loss: number;
  hiddenGradNorms: number[];
  grads: NestedGrads;
  gradNorm: number;
  trainLosses?: number[];
  trainGradNorms?: number[];
  finalLoss?: number;
  finalParams?: NestedParams;
}

/**
 * Reads a parsed case; `expected` and `tolerance` are ignored. Throws EngineInputError naming the
 * field for anything missing, of the wrong type or of the wrong shape.
 */
export function readEngineCase(value: unknown): EngineCase {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineInputError('case', `must be a JSON object with params, xs, loss, targets, got ${describe(value)}`);
  }
  const c = value as Record<string, unknown>;
  for (const key of ['params', 'xs', 'loss', 'targets']) {
    if (!(key in c)) throw new EngineInputError(key, 'is missing (a case needs params, xs, loss and targets)');
  }
  const params = paramsFromNested(c.params);
  const batch = batchFromNested(c.xs);
  const loss = c.loss as LossSpec;
  validateLoss(loss);
  const targets = targetsFromNested(c.targets, loss, batch.B, batch.T);
  return { params, batch, loss, targets, train: readTrain(c.train) };
}

export function readTrain(value: unknown): SgdConfig | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineInputError('train', `must be {"optimizer":"sgd","lr","steps","clip"} or absent, got ${describe(value)}`);
  }
  const t = value as Record<string, unknown>;
  if (t.optimizer !== 'sgd') throw new EngineInputError('train.optimizer', `must be "sgd", got ${describe(t.optimizer)}`);
  for (const key of ['lr', 'steps']) if (!(key in t)) throw new EngineInputError(`train.${key}`, 'is missing');
  const config = { lr: t.lr, steps: t.steps, clip: t.clip ?? null } as SgdConfig;
  validateSgdConfig(config);
  return config;
}

/** Runs a case: BPTT at the given parameters and, when the case trains, the SGD run. */
export function runEngineCase(engine: Engine, c: EngineCase): EngineCaseOutput {
  const r = engine.bptt(c.params, c.batch, c.targets, c.loss);
  const out: EngineCaseOutput = {
    loss: r.loss,
    hiddenGradNorms: Array.from(r.hiddenGradNorms),
    grads: gradsToNested(r.grads),
    gradNorm: r.gradNorm,
  };
  if (c.train === null) return out;
  const trained = engine.train(c.params, c.batch, c.targets, c.loss, c.train);
  out.trainLosses = trained.records.map((s) => s.loss);
  out.trainGradNorms = trained.records.map((s) => s.gradNorm);
  out.finalLoss = trained.finalLoss;
  out.finalParams = paramsToNested(trained.params);
  return out;
}

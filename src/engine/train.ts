import { validateBatch, validateLoss, validateTargets, type LossSpec, type SequenceBatch, type Targets } from './batch';
import { clipDecision } from './clip';
import { bpttUnchecked, workspaceFor } from './fast/fastBptt';
import type { BpttWorkspace } from './fast/workspace';
import { EngineInputError, requireFiniteNumber, requirePositiveInteger } from './errors';
import { cloneParams, trainedBuffers, validateParams, type RnnParams, type Sizes } from './params';

/** Plain SGD; `clip` is the global-norm threshold, or null for no clipping. */
export interface SgdConfig {
  readonly lr: number;
  readonly steps: number;
  readonly clip: number | null;
}

/** One training step, as it happened. */
export interface TrainStepRecord {
  /** 1-based step number. */
  readonly step: number;
  /** The loss at the parameters BEFORE this step's update. */
  readonly loss: number;
  /** The global gradient norm before clipping. */
  readonly gradNorm: number;
  /** Whether clipping rescaled the gradient (gradNorm > clip). */
  readonly clipped: boolean;
  /** The norm of the gradient actually applied (after clipping). */
  readonly appliedNorm: number;
}

export interface TrainResult {
  readonly params: RnnParams;
  readonly records: TrainStepRecord[];
  /** The loss at the final parameters. */
  readonly finalLoss: number;
}

export function validateSgdConfig(config: SgdConfig, field = 'train'): void {
  requireFiniteNumber(`${field}.lr`, config.lr);
  requirePositiveInteger(`${field}.steps`, config.steps);
  if (config.clip !== null) {
    requireFiniteNumber(`${field}.clip`, config.clip);
    if (config.clip <= 0) throw new EngineInputError(`${field}.clip`, `must be positive or null, got ${config.clip}`);
  }
}

/**
 * One SGD step: L and dL/dθ at p, clip by the global norm when configured (the rule of clip.ts:
 * clipDecision), then θ ← θ − lr·g. Returns the new parameters (p is not modified) and the record
 * of what happened.
 */
export function sgdStep(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec,
  lr: number, clip: number | null, sizes: Sizes, step: number, workspace?: BpttWorkspace,
): { params: RnnParams; record: TrainStepRecord } {
  const { loss: L, grads, gradNorm } = bpttUnchecked(p, batch, targets, loss, sizes, workspace);
  const { scale, clipped } = clip === null ? { scale: 1, clipped: false } : clipDecision(gradNorm, clip);
  const next = cloneParams(p);
  const theta = trainedBuffers(next);
  const g = trainedBuffers(grads);
  for (let k = 0; k < theta.length; k++) {
    const w = theta[k], dw = g[k];
    for (let i = 0; i < w.length; i++) w[i] -= lr * (scale * dw[i]);
  }
  return { params: next, record: { step, loss: L, gradNorm, clipped, appliedNorm: scale * gradNorm } };
}

/**
 * Trains with SGD for `config.steps` steps. `onStep` (optional) sees each record as it is made,
 * e.g. to stream a live loss curve.
 */
export function trainSgd(
  p: RnnParams, batch: SequenceBatch, targets: Targets, loss: LossSpec, config: SgdConfig,
  onStep?: (record: TrainStepRecord, params: RnnParams) => void,
): TrainResult {
  const sizes = validateParams(p);
  validateBatch(batch, sizes.D);
  validateLoss(loss);
  validateTargets(targets, loss, batch.B, batch.T, sizes.O);
  validateSgdConfig(config);
  let params = p;
  const records: TrainStepRecord[] = [];
  const workspace = workspaceFor(sizes, batch.B, batch.T); // one for every step of the run
  for (let s = 1; s <= config.steps; s++) {
    const { params: next, record } = sgdStep(params, batch, targets, loss, config.lr, config.clip, sizes, s, workspace);
    params = next;
    records.push(record);
    onStep?.(record, params);
  }
  const finalLoss = bpttUnchecked(params, batch, targets, loss, sizes, workspace).loss;
  return { params, records, finalLoss };
}

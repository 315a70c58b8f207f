import { clipDecision } from './clip';
import { EngineInputError, requireFiniteNumber, requirePositiveInteger } from './errors';
import { cloneParams, trainedBuffers, type RnnParams } from './params';
import type { BpttResult } from './result';

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

/** One SGD update: the learning rate, and the global-norm clipping threshold or null for none. */
export interface SgdUpdate {
  readonly lr: number;
  readonly clip: number | null;
}

/** The loss and gradients at some parameters (the engine's BPTT on the step's batch). */
export type Backward = (p: RnnParams) => BpttResult;

/**
 * One SGD step: L and dL/dθ at p, clip by the global norm when configured (the rule of clip.ts:
 * clipDecision), then θ ← θ − lr·g. Returns the new parameters (p is not modified) and the record
 * of what happened (`step`: its 1-based number).
 */
export function sgdStep(p: RnnParams, backward: Backward, { lr, clip }: SgdUpdate, step: number): { params: RnnParams; record: TrainStepRecord } {
  const { loss: L, grads, gradNorm } = backward(p);
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
 * Trains with SGD for `config.steps` steps on one batch (its backward pass: `backward`). `onStep`
 * (optional) sees each record as it is made, e.g. to stream a live loss curve.
 */
export function trainSgd(
  p: RnnParams, backward: Backward, config: SgdConfig, onStep?: (record: TrainStepRecord, params: RnnParams) => void,
): TrainResult {
  let params = p;
  const records: TrainStepRecord[] = [];
  for (let s = 1; s <= config.steps; s++) {
    const { params: next, record } = sgdStep(params, backward, config, s);
    params = next;
    records.push(record);
    onStep?.(record, params);
  }
  return { params, records, finalLoss: backward(params).loss };
}

import type { LossSpec, SequenceBatch, Targets } from '../batch';
import { clipDecision } from '../clip';
import type { Engine } from '../engine';
import { cloneParams, trainedBuffers, type RnnParams } from '../params';
import type { TrainStepRecord } from '../train';
import { adamUpdate, type AdamConfig, type AdamState } from './adam';
import { gatedBpttUnchecked } from './bptt';
import { cloneGatedParams, gatedBuffers, type GatedParams } from './params';

/**
 * One SGD step of a gated cell, with the plain RNN's rule (train.ts: sgdStep): L and dL/dθ at p,
 * clip by the global norm when `clip` is set (clip.ts: clipDecision, the one clipping rule), then
 * θ ← θ − lr·(scale·g). Returns the new parameters (p is not modified) and the record.
 */
export function gatedSgdStep<P extends GatedParams>(
  p: P, batch: SequenceBatch, targets: Targets, loss: LossSpec, lr: number, clip: number | null, step: number,
): { params: P; record: TrainStepRecord } {
  const { loss: L, grads, gradNorm } = gatedBpttUnchecked(p, batch, targets, loss);
  const { scale, clipped } = clip === null ? { scale: 1, clipped: false } : clipDecision(gradNorm, clip);
  const next = cloneGatedParams(p);
  const theta = gatedBuffers(next), g = gatedBuffers(grads);
  for (let k = 0; k < theta.length; k++) {
    const w = theta[k], dw = g[k];
    for (let i = 0; i < w.length; i++) w[i] -= lr * (scale * dw[i]);
  }
  return { params: next, record: { step, loss: L, gradNorm, clipped, appliedNorm: scale * gradNorm } };
}

/** One Adam step of a gated cell: the same clipping rule, then adamUpdate on the clipped gradient. */
export function gatedAdamStep<P extends GatedParams>(
  p: P, state: AdamState, batch: SequenceBatch, targets: Targets, loss: LossSpec, config: AdamConfig, clip: number | null,
): { params: P; state: AdamState; record: TrainStepRecord } {
  const { loss: L, grads, gradNorm } = gatedBpttUnchecked(p, batch, targets, loss);
  const { scale, clipped } = clip === null ? { scale: 1, clipped: false } : clipDecision(gradNorm, clip);
  const next = cloneGatedParams(p);
  const after = adamUpdate(config, state, gatedBuffers(next), gatedBuffers(grads), scale);
  return { params: next, state: after, record: { step: after.steps, loss: L, gradNorm, clipped, appliedNorm: scale * gradNorm } };
}

/**
 * One Adam step of the plain tanh RNN, with the same clipping rule, so a comparison trains every
 * cell with one optimiser (the RNN's gradient from the engine's bptt, its buffers from trainedBuffers).
 */
export function rnnAdamStep(
  engine: Engine, p: RnnParams, state: AdamState, batch: SequenceBatch, targets: Targets, loss: LossSpec, config: AdamConfig, clip: number | null,
): { params: RnnParams; state: AdamState; record: TrainStepRecord } {
  const { loss: L, grads, gradNorm } = engine.bptt(p, batch, targets, loss, { validate: false });
  const { scale, clipped } = clip === null ? { scale: 1, clipped: false } : clipDecision(gradNorm, clip);
  const next = cloneParams(p);
  const after = adamUpdate(config, state, trainedBuffers(next), trainedBuffers(grads), scale);
  return { params: next, state: after, record: { step: after.steps, loss: L, gradNorm, clipped, appliedNorm: scale * gradNorm } };
}

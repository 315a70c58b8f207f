import { validateBatch, validateLoss, validateTargets, type LossSpec, type SequenceBatch, type Targets } from '../batch';
import { gruBpttUnchecked, gruPredictUnchecked } from './gru';
import { lstmBpttUnchecked, lstmPredictUnchecked } from './lstm';
import { validateGatedParams, type GatedParams } from './params';
import type { GatedBpttResult } from './result';

/** Forward + full BPTT through the LSTM or the GRU (p.cell chooses), after checking every input. */
export function gatedBptt(p: GatedParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): GatedBpttResult {
  const sizes = validateGatedParams(p);
  validateBatch(batch, sizes.D);
  validateLoss(loss);
  validateTargets(targets, loss, batch.B, batch.T, sizes.O);
  return gatedBpttUnchecked(p, batch, targets, loss);
}

/** gatedBptt() without validation, for callers that validated already (training loops, demos). */
export function gatedBpttUnchecked(p: GatedParams, batch: SequenceBatch, targets: Targets, loss: LossSpec): GatedBpttResult {
  return p.cell === 'lstm' ? lstmBpttUnchecked(p, batch, targets, loss) : gruBpttUnchecked(p, batch, targets, loss);
}

/** The outputs y_t, time-major `ys[((t − 1)·B + b)·O + k]`, for scoring predictions. No validation. */
export function gatedPredictUnchecked(p: GatedParams, batch: SequenceBatch): Float64Array {
  return p.cell === 'lstm' ? lstmPredictUnchecked(p, batch) : gruPredictUnchecked(p, batch);
}

import { validateBatch, type SequenceBatch } from './batch';
import { forwardFast, forwardOutputs } from './fast/fastBptt';
import type { BpttWorkspace } from './fast/workspace';
import { validateParams, type RnnParams, type Sizes } from './params';
import type { ForwardTrace } from './result';

/** Unrolls the RNN over every sequence of the batch, with the SAME parameters at every step. */
export function forward(p: RnnParams, batch: SequenceBatch, workspace?: BpttWorkspace): ForwardTrace {
  const sizes = validateParams(p);
  validateBatch(batch, sizes.D);
  return forwardFast(p, batch, sizes, workspace);
}

/** forward() without validation, for callers that validated already (training loops, demos). */
export function forwardUnchecked(p: RnnParams, batch: SequenceBatch, sizes: Sizes, workspace?: BpttWorkspace): ForwardTrace {
  return forwardFast(p, batch, sizes, workspace);
}

/** Only the outputs y_t (forwardUnchecked's ys), without copying the states out: scoring predictions. */
export function predictUnchecked(p: RnnParams, batch: SequenceBatch, sizes: Sizes, workspace?: BpttWorkspace): Float64Array {
  return forwardOutputs(p, batch, sizes, workspace);
}

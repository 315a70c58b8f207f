import { validateBatch, type SequenceBatch } from './batch';
import { forwardUnchecked, type ForwardTrace } from './bptt';
import { validateParams, type RnnParams } from './params';

export { forwardUnchecked, type ForwardTrace } from './bptt';

/** Unrolls the RNN over every sequence of the batch, with the SAME parameters at every step. */
export function forward(p: RnnParams, batch: SequenceBatch): ForwardTrace {
  const sizes = validateParams(p);
  validateBatch(batch, sizes.D);
  return forwardUnchecked(p, batch, sizes);
}

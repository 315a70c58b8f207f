/**
 * Gated cells for the Week-11 preview: an LSTM and a GRU beside the plain tanh RNN, with the
 * parameters of the golden cases (gate blocks stacked row-wise), full BPTT (including the total
 * dL/dc_t of the LSTM), the plain RNN's losses, clipping rule and SGD step, and Adam. Start
 * reading at lstm.ts and gru.ts: forward and backward side by side.
 */
export * from './params';
export * from './result';
export { gatedBptt, gatedBpttUnchecked, gatedPredictUnchecked } from './bptt';
export * from './nested';
export * from './adam';
export * from './train';

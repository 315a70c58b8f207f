/**
 * The RNN Lab engine: a float64 tanh RNN with full backpropagation through time, gradient clipping
 * by the global norm, SGD training, seeded initialisation and two short sequence tasks. Pure
 * TypeScript: no Node, no DOM, no VS Code, no dependencies.
 */
export * from './tensor';
export * from './errors';
export * from './params';
export * from './batch';
export * from './forward';
export * from './loss';
export * from './bptt';
export { BpttWorkspace } from './fast/workspace';
export type { SingleSequence } from './fast/fastBptt';
export * from './clip';
export * from './train';
export * from './random';
export * from './init';
export * from './tasks';
export * from './nested';

/**
 * The RNN Lab engine: a float64 tanh RNN with full backpropagation through time, gradient clipping
 * by the global norm, SGD training, seeded initialisation and two short sequence tasks. Pure
 * TypeScript: no Node, no DOM, no VS Code, no dependencies.
 *
 * bptt() runs the fast path in fast/ (sequences in lockstep as matrix–matrix products, WebAssembly
 * SIMD kernels assembled at load time where available, TypeScript otherwise); bpttReadable() is the
 * same maths written plainly, and reference/plainBptt.ts a third, independent version for tests
 * and the benchmark's baseline.
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

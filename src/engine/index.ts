/**
 * The RNN Lab engine: a float64 tanh RNN with full backpropagation through time, gradient clipping
 * by the global norm, SGD training, seeded initialisation and two short sequence tasks. Pure
 * TypeScript: no Node, no DOM, no VS Code, no dependencies.
 *
 * Three BPTTs, each with one job:
 * - bptt.ts, `readableBptt`: the maths as the lesson writes it (start reading there); it also
 *   computes the known-wrong variants the checker recognises;
 * - fast/fastBptt.ts, `bptt`: what everything runs (sequences in lockstep as matrix–matrix
 *   products, on WebAssembly SIMD kernels when the caller chooses them with useKernels() or a
 *   BpttWorkspace, TypeScript otherwise);
 * - reference/plainBptt.ts: an independent oracle for the tests and the benchmark's baseline (not
 *   exported here).
 */
export * from './tensor';
export * from './errors';
export * from './params';
export * from './batch';
export * from './result';
export * from './forward';
export * from './loss';
export { CORRECT_VARIANT, bpttReadable, readableBptt, readableForward, type BpttVariant, type ReadableBpttResult } from './bptt';
export { bptt, bpttEach, bpttUnchecked, forwardFast, workspaceFor, type BpttOptions, type SingleSequence } from './fast/fastBptt';
export { BpttWorkspace, chosenKernels, useKernels, type EngineLog, type KernelChoice, type KernelOptions, type KernelsInUse } from './fast/workspace';
export * from './clip';
export * from './train';
export * from './random';
export * from './init';
export * from './sequenceTasks';
export * from './nested';
export * from './gated';

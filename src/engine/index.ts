/**
 * The RNN Lab engine: a float64 tanh RNN with full backpropagation through time, gradient clipping
 * by the global norm, SGD training, seeded initialisation and two short sequence tasks. Pure
 * TypeScript: no Node, no DOM, no VS Code, no dependencies.
 *
 * What runs is an engine object (engine.ts): `createEngine({ kernels, log })`, made by each
 * program with its kernels, then `engine.forward(…)`, `engine.bptt(…)`, `engine.sgdStep(…)`,
 * `engine.train(…)`, with options instead of variants.
 *
 * Three BPTTs, each with one job:
 * - bptt.ts, `readableBptt`: the maths as the lesson writes it (start reading there); it also
 *   computes the known-wrong variants the checker recognises;
 * - fast/fastBptt.ts: what an engine runs (sequences in lockstep as matrix–matrix products, on
 *   WebAssembly SIMD kernels or TypeScript loops, as the engine was created);
 * - reference/plainBptt.ts: an independent oracle for the tests and the benchmark's baseline (not
 *   exported here).
 */
export * from './tensor';
export * from './errors';
export * from './params';
export * from './batch';
export * from './result';
export * from './loss';
export { createEngine, type BpttOptions, type EachOptions, type Engine, type EngineOptions, type ForwardOptions, type StepOptions } from './engine';
export { CORRECT_VARIANT, readableBptt, readableForward, type BpttVariant, type ReadableBpttResult } from './bptt';
export type { SingleSequence } from './fast/fastBptt';
export type { EngineLog, KernelChoice, KernelsInUse } from './fast/workspace';
export * from './clip';
// sgdStep with a Backward of the caller's: the one SGD update, for gradients the engine's bptt does not make (truncated BPTT in the demos).
export { sgdStep, validateSgdConfig, type Backward, type SgdConfig, type SgdUpdate, type TrainResult, type TrainStepRecord } from './train';
export * from './random';
export * from './init';
export * from './sequenceTasks';
export * from './nested';
export * from './agreement';
export * from './gated';

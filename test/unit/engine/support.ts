import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  batchFromNested, createRng, initParams, paramsFromNested, targetsFromNested,
  type KernelChoice, type LossSpec, type RnnParams, type SequenceBatch, type Targets,
} from '../../../src/engine';
import { repoRoot } from '../../support/repoRoot';

export { repoRoot };

export const CASES_DIR = join(repoRoot(), 'test', 'fixtures', 'engine-cases');

export interface GoldenCase {
  file: string;
  json: Record<string, unknown> & {
    loss: LossSpec;
    expected: Record<string, unknown>;
    tolerance: { rel: number; abs: number };
    train?: { lr: number; steps: number; clip: number | null };
  };
  params: RnnParams;
  batch: SequenceBatch;
  targets: Targets;
}

export function goldenCases(): GoldenCase[] {
  return readdirSync(CASES_DIR).filter((f) => f.endsWith('.json')).sort().map((file) => {
    const json = JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as GoldenCase['json'];
    const batch = batchFromNested(json.xs);
    return {
      file, json, batch,
      params: paramsFromNested(json.params),
      targets: targetsFromNested(json.targets, json.loss, batch.B, batch.T),
    };
  });
}

/** Every number of a nested value with its path, e.g. `grads.Whh[2][0]`. */
export function leaves(value: unknown, path: string, out: Array<[string, number]> = []): Array<[string, number]> {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    Array.from(value as ArrayLike<unknown>).forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  }
  return out;
}

export interface Worst { path: string; got: number; expected: number; ratio: number }

/**
 * Compares every expected number with |got − exp| ≤ abs + rel·|exp|. Returns the failures count
 * and the worst entry (largest error / allowed error), so a failure names it.
 */
export function compareAll(got: unknown, expected: unknown, tol: { rel: number; abs: number }, path = ''): { failures: number; worst: Worst; count: number } {
  const gotLeaves = new Map(leaves(got, path));
  let failures = 0;
  let worst: Worst = { path: '(none)', got: 0, expected: 0, ratio: 0 };
  const exp = leaves(expected, path);
  for (const [p, e] of exp) {
    const g = gotLeaves.get(p);
    const allowed = tol.abs + tol.rel * Math.abs(e);
    const ratio = g === undefined || !Number.isFinite(g) ? Infinity : Math.abs(g - e) / allowed;
    if (ratio > 1) failures++;
    if (ratio > worst.ratio || worst.path === '(none)') worst = { path: p, got: g ?? NaN, expected: e, ratio };
  }
  return { failures, worst, count: exp.length };
}

export function describeWorst(w: Worst): string {
  return `worst entry ${w.path}: got ${w.got}, expected ${w.expected} (${w.ratio.toExponential(2)} of the allowed error)`;
}

/** A random small problem, seeded. */
export function randomProblem(seed: number, s: { B: number; T: number; D: number; H: number; O: number }, loss: LossSpec): {
  params: RnnParams; batch: SequenceBatch; targets: Targets; loss: LossSpec;
} {
  const rng = createRng(seed);
  const base = initParams({ D: s.D, H: s.H, O: s.O }, rng, { scheme: 'gaussian', biasScale: 0.3 });
  const h0 = new Float64Array(s.H).map(() => rng.between(-0.5, 0.5));
  const params = { ...base, h0 };
  const xs = new Float64Array(s.B * s.T * s.D).map(() => rng.between(-1, 1));
  const targets: Targets = loss.kind === 'mse'
    ? { kind: 'mse', values: new Float64Array(s.B * s.T * s.O).map(() => rng.between(-1, 1)) }
    : { kind: 'xent', classes: new Int32Array(s.B * s.T).map(() => rng.int(s.O)) };
  return { params, batch: { B: s.B, T: s.T, D: s.D, xs }, targets, loss };
}

/**
 * Every backend of the fast path: the WebAssembly kernels as the runtime gives them (fused
 * multiply-add where relaxed SIMD validates), the plain SIMD kernels, and TypeScript.
 */
export const BACKENDS: readonly KernelChoice[] = ['wasm', 'wasm-simd', 'typescript'];

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NestedParams } from '../../engine';
import { LAB_ENTRY } from '../labApi';
import { LabSession } from './labSession';
import { crashedVerdict, exportVerdict, thrownVerdict, timeoutVerdict, unloadableVerdict } from '../oracle/verdicts';
import { defaultWorkerPath } from './workerPath';
import { DEFAULT_MEMORY_LIMIT_MB } from '../limits';

/**
 * Runs the student's own `bptt` once, in the sandbox, on the given problem and returns what the
 * gradient plot needs: the loss, ‖dhs[t−1]‖ = ‖∂L/∂h_t‖ per step t = 1..T, the dhs vectors and
 * dWhh (for the per-step contributions to ∂L/∂Whh) and the global norm of the five gradients.
 * Never runs student code in the caller.
 */
export interface StudentProbeRequest {
  labDir: string;
  params: NestedParams;
  h0: number[];
  xs: number[][];
  targets: (number[] | null)[];
  timeoutMs: number;
}

export type StudentProbeResult =
  | {
    ok: true; loss: number; dhsNorms: number[]; elapsedMs: number;
    /** dhs[t−1] = the student's ∂L/∂h_t. */
    dhs: number[][];
    /** The student's grads.Whh, or null when it is not an H×H array of numbers. */
    dWhh: number[][] | null;
    /** sqrt of the sum of squares over all five returned gradients, or null when one is malformed. */
    gradNorm: number | null;
  }
  | { ok: false; status: 'todo' | 'error' | 'timeout'; message: string; location: { file: string; line: number; column: number } | null };


export async function runStudentProbe(
  req: StudentProbeRequest,
  options: { workerPath?: string; signal?: AbortSignal } = {},
): Promise<StudentProbeResult> {
  if (!existsSync(path.join(req.labDir, LAB_ENTRY))) {
    return { ok: false, status: 'error', message: `There is no ${LAB_ENTRY} in ${req.labDir}. Run "RNN Lab: Scaffold Lab Files" first.`, location: null };
  }
  const session = new LabSession(req.labDir, {
    workerPath: options.workerPath ?? defaultWorkerPath(),
    timeoutMs: req.timeoutMs,
    memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB,
    signal: options.signal,
  });
  try {
    const t0 = performance.now();
    const prepared = await session.prepare();
    if (prepared.kind === 'cancelled') return { ok: false, status: 'error', message: 'Cancelled.', location: null };
    if (prepared.kind !== 'ready') return { ok: false, ...unloadableVerdict(prepared, req.timeoutMs) };
    const location = prepared.lab.declarations.bptt ?? null;
    const notAFunction = exportVerdict('bptt', prepared.exports.bptt, location);
    if (notAFunction) return { ok: false, ...notAFunction };
    // The lab's Params has no h0: the initial state is its own argument.
    const { Wxh, Whh, bh, Why, by } = req.params;
    const p = { Wxh, Whh, bh, Why, by };
    const run = await session.run('bptt', [[p, req.h0, req.xs, req.targets]]);
    if (run.kind === 'timeout') return { ok: false, ...timeoutVerdict('bptt', req.timeoutMs, '', location) };
    if (run.kind === 'cancelled') return { ok: false, status: 'error', message: 'Cancelled.', location };
    if (run.kind === 'crashed') return { ok: false, ...crashedVerdict('bptt', '', run.message, location) };
    const outcome = run.outcomes[0];
    if (!outcome) return { ok: false, ...crashedVerdict('bptt', '', 'It produced no result.', location) };
    if (outcome.kind === 'threw') return { ok: false, ...thrownVerdict('bptt', outcome.error, '', location) };
    const read = readProbe(outcome.value, req.xs.length, req.h0.length);
    if (typeof read === 'string') return { ok: false, status: 'error', message: read, location };
    return { ok: true, ...read, elapsedMs: performance.now() - t0 };
  } finally {
    session.dispose();
  }
}

type ProbeRead = { loss: number; dhsNorms: number[]; dhs: number[][]; dWhh: number[][] | null; gradNorm: number | null };

function readProbe(value: unknown, T: number, H: number): ProbeRead | string {
  if (typeof value !== 'object' || value === null) return 'bptt must return { loss, grads, dhs }.';
  const { loss, dhs, grads } = value as { loss?: unknown; dhs?: unknown; grads?: unknown };
  if (typeof loss !== 'number') return 'bptt must return a number as loss.';
  if (!Array.isArray(dhs) || dhs.length !== T) return `bptt must return dhs with one vector per step (T = ${T}), got ${Array.isArray(dhs) ? `${dhs.length} entries` : typeof dhs}.`;
  const dhsNorms: number[] = [];
  const vectors: number[][] = [];
  for (let t = 0; t < T; t++) {
    const v: unknown = dhs[t];
    if (!isNumbers(v)) return `bptt must return dhs[${t}] as an array of numbers.`;
    vectors.push(v);
    dhsNorms.push(Math.sqrt(sumOfSquares(v)));
  }
  const g = typeof grads === 'object' && grads !== null ? grads as Record<string, unknown> : {};
  const dWhh = isMatrix(g.Whh, H, H) ? g.Whh : null;
  // The plot's clipping readout compares the global norm; any malformed gradient leaves it unknown.
  const parts = ['Wxh', 'Whh', 'bh', 'Why', 'by'].map((k) => g[k]);
  const gradNorm = parts.every((x) => isNumbers(x) || (Array.isArray(x) && x.every(isNumbers)))
    ? Math.sqrt(parts.reduce((s: number, x) => s + sumOfSquares((x as (number | number[])[]).flat()), 0))
    : null;
  return { loss, dhsNorms, dhs: vectors, dWhh, gradNorm };
}

function isNumbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function isMatrix(v: unknown, rows: number, cols: number): v is number[][] {
  return Array.isArray(v) && v.length === rows && v.every((r) => isNumbers(r) && r.length === cols);
}

function sumOfSquares(v: readonly number[]): number {
  return v.reduce((s, x) => s + x * x, 0);
}

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { NestedParams } from '../engine/nested';
import { LAB_ENTRY } from './labApi';
import { LabSession } from './session';
import { crashedVerdict, exportVerdict, thrownVerdict, timeoutVerdict, unloadableVerdict } from './verdicts';
import { defaultWorkerPath } from './workerPath';

/**
 * Runs the student's own `bptt` once, in the sandbox, on the given problem and returns what the
 * gradient plot needs: the loss and ‖dhs[t]‖ per step. Never runs student code in the caller.
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
  | { ok: true; loss: number; dhsNorms: number[]; elapsedMs: number }
  | { ok: false; status: 'todo' | 'error' | 'timeout'; message: string; location: { file: string; line: number; column: number } | null };

const PROBE_MEMORY_MB = 256;

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
    memoryLimitMb: PROBE_MEMORY_MB,
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
    const read = readProbe(outcome.value, req.xs.length);
    if (typeof read === 'string') return { ok: false, status: 'error', message: read, location };
    return { ok: true, loss: read.loss, dhsNorms: read.dhsNorms, elapsedMs: performance.now() - t0 };
  } finally {
    session.dispose();
  }
}

function readProbe(value: unknown, T: number): { loss: number; dhsNorms: number[] } | string {
  if (typeof value !== 'object' || value === null) return 'bptt must return { loss, grads, dhs }.';
  const { loss, dhs } = value as { loss?: unknown; dhs?: unknown };
  if (typeof loss !== 'number') return 'bptt must return a number as loss.';
  if (!Array.isArray(dhs) || dhs.length !== T) return `bptt must return dhs with one vector per step (T = ${T}), got ${Array.isArray(dhs) ? `${dhs.length} entries` : typeof dhs}.`;
  const dhsNorms: number[] = [];
  for (let t = 0; t < T; t++) {
    const v: unknown = dhs[t];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) return `bptt must return dhs[${t}] as an array of numbers.`;
    dhsNorms.push(Math.sqrt(v.reduce((s: number, x: number) => s + x * x, 0)));
  }
  return { loss, dhsNorms };
}

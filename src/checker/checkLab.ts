import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { HintCode } from '../lesson/hintCodes';
import { LAB_TASK_IDS, type LabTaskId } from '../lesson/labTasks';
import { firstMismatch, matches, type Expected } from './compare';
import { LAB_ENTRY } from './labApi';
import type { SourceLocation } from './location';
import { describeInput, mismatchMessage, mutationMessage, passMessage, printedNote } from './messages';
import { labProblems } from './problems';
import { REFUSED_ACCESS, type ThrownError } from './protocol';
import type { CheckReport, CheckTimings, TaskReport } from './report';
import type { Sandbox } from './sandbox';
import { LabSession, type Prepared } from './session';
import { taskCases, type TaskCase } from './taskCases';
import { defaultWorkerPath } from './workerPath';

export interface CheckOptions {
  /** Wall-clock budget per task (and for loading the lab), default 10 s. */
  readonly timeoutMs?: number;
  readonly memoryLimitMb?: number;
  readonly workerPath?: string;
  readonly signal?: AbortSignal;
  /** The `lab` field of the report (the folder as the user gave it); default labDir. */
  readonly labName?: string;
  /** A compiler process shared across checks (grading a class); default: one per check. */
  readonly compiler?: Sandbox;
  /** Called as each task's result is known (progress in VS Code). */
  readonly onTask?: (task: TaskReport) => void;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MEMORY_LIMIT_MB = 512;

/** The lab folder or its rnn.ts does not exist (the CLI exits 2). */
export class LabNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LabNotFoundError';
  }
}

export class CheckCancelledError extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'CheckCancelledError';
  }
}

/**
 * Checks the five functions of the lab in `labDir` against the engine: compiles and loads the lab in
 * a worker, runs each task on its cases within its budget, and explains every failure.
 */
export async function checkLab(labDir: string, options: CheckOptions = {}): Promise<{ report: CheckReport; timings: CheckTimings }> {
  const t0 = performance.now();
  if (!existsSync(labDir)) {
    throw new LabNotFoundError(`The lab folder ${labDir} does not exist. Create it with "rnn-lab scaffold ${labDir}" (or RNN Lab: Scaffold Lab Files).`);
  }
  if (!statSync(labDir).isDirectory()) {
    throw new LabNotFoundError(`${labDir} is a file; give the folder that holds ${LAB_ENTRY} (e.g. ${path.dirname(labDir)}).`);
  }
  if (!existsSync(path.join(labDir, LAB_ENTRY))) {
    throw new LabNotFoundError(`There is no ${LAB_ENTRY} in ${labDir}. Create the lab with "rnn-lab scaffold ${labDir}" (or RNN Lab: Scaffold Lab Files).`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const session = new LabSession(path.resolve(labDir), {
    workerPath: options.workerPath ?? defaultWorkerPath(),
    timeoutMs,
    memoryLimitMb: options.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB,
    signal: options.signal,
    compiler: options.compiler,
  });
  const timings: CheckTimings = { compileMs: 0, totalMs: 0, taskMs: {} };
  const tasks: TaskReport[] = [];
  const add = (t: TaskReport): void => {
    tasks.push(t);
    options.onTask?.(t);
  };
  try {
    const prepared = await session.prepare();
    if (prepared.kind === 'cancelled') throw new CheckCancelledError();
    if (prepared.kind !== 'ready') {
      for (const id of LAB_TASK_IDS) add({ id, ...unloadable(prepared, timeoutMs) });
    } else {
      timings.compileMs = prepared.lab.compileMs;
      for (const id of LAB_TASK_IDS) {
        const started = performance.now();
        const location = prepared.lab.declarations[id] ?? null;
        const shape = prepared.exports[id];
        if (shape === 'missing') {
          add({ id, status: 'todo', message: `${LAB_ENTRY} does not export ${id} yet. Write \`export function ${id}(…)\` as contracts §1 declares it.`, hint: null, location });
        } else if (shape === 'not-a-function') {
          add({ id, status: 'error', message: `${LAB_ENTRY} exports ${id}, but it is not a function. Export the function itself: \`export function ${id}(…)\`.`, hint: null, location });
        } else {
          add({ id, ...(await checkTask(session, id, casesOf(id), timeoutMs, location)) });
        }
        timings.taskMs[id] = performance.now() - started;
      }
    }
  } finally {
    session.dispose();
  }
  timings.totalMs = performance.now() - t0;
  const passed = tasks.filter((t) => t.status === 'pass').length;
  return { report: { lab: options.labName ?? labDir, tasks, passed, total: LAB_TASK_IDS.length }, timings };
}

type TaskVerdict = Omit<TaskReport, 'id'>;

/** The cases are seeded, the same for every lab: computed once per process (a graded class shares them). */
const cases = new Map<LabTaskId, readonly TaskCase[]>();
function casesOf(id: LabTaskId): readonly TaskCase[] {
  let known = cases.get(id);
  if (!known) {
    known = taskCases(id, labProblems());
    cases.set(id, known);
  }
  return known;
}

/** Every task gets the same verdict when the lab cannot be loaded at all. */
function unloadable(prepared: Exclude<Prepared, { kind: 'ready' | 'cancelled' }>, timeoutMs: number): TaskVerdict {
  switch (prepared.kind) {
    case 'compileFailed': {
      const first = prepared.problems[0];
      const more = prepared.problems.length > 1 ? ` (and ${prepared.problems.length - 1} more problem${prepared.problems.length > 2 ? 's' : ''})` : '';
      const at = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
      return { status: 'error', message: `The lab does not compile: ${at}${first.message.replace(/\.$/, '')}${more}. Fix this first; no task can run until the lab compiles.`, hint: null, location: first.location };
    }
    case 'loadFailed':
      if (prepared.error.name === REFUSED_ACCESS) return { status: 'error', message: `Loading ${LAB_ENTRY} was stopped. ${prepared.error.message}`, hint: null, location: prepared.error.location };
      if (prepared.error.todo) return { status: 'todo', message: `Loading ${LAB_ENTRY} threw "${prepared.error.message}".`, hint: null, location: prepared.error.location };
      return { status: 'error', message: `Loading ${LAB_ENTRY} threw ${prepared.error.name}: ${prepared.error.message}. Code at the top level of a file runs when the lab loads; move it into a function or fix it.`, hint: null, location: prepared.error.location };
    case 'loadTimeout':
      return { status: 'timeout', message: `Loading ${LAB_ENTRY} did not finish within ${timeoutMs / 1000} s, so no task could run. Look for a loop at the top level of your files that never ends.`, hint: null, location: { file: LAB_ENTRY, line: 1, column: 1 } };
    case 'crashed':
      return { status: 'error', message: `Loading ${LAB_ENTRY} failed. ${prepared.message}`, hint: null, location: null };
  }
}

async function checkTask(session: LabSession, id: LabTaskId, cases: readonly TaskCase[], timeoutMs: number, location: SourceLocation | null): Promise<TaskVerdict> {
  const deadline = performance.now() + timeoutMs;
  for (const c of cases) {
    const remaining = Math.max(1, deadline - performance.now());
    const run = await session.run(id, [c.args], remaining);
    if (run.kind === 'cancelled') throw new CheckCancelledError();
    if (run.kind === 'timeout') {
      return { status: 'timeout', message: `${id} did not return within ${timeoutMs / 1000} s on input ${c.label}, so it was stopped. Look for a loop whose condition never becomes false (e.g. a wrong counter in a while loop). Input values: ${describeInput(id, c.args)}`, hint: null, location };
    }
    if (run.kind === 'crashed') {
      return { status: 'error', message: `${id} failed on input ${c.label}. ${run.message} The other tasks were checked in a fresh worker.`, hint: null, location };
    }
    const outcome = run.outcomes[0];
    const note = printedNote(run.printedBytes);
    if (!outcome) return { status: 'error', message: `${id} produced no result.`, hint: null, location };
    if (outcome.kind === 'threw') return { ...thrownVerdict(id, c, outcome.error), location: outcome.error.location ?? location };
    const verdict = judge(id, c, outcome.value, outcome.mutation);
    if (verdict) return { ...verdict, message: verdict.message + note, location };
  }
  return { status: 'pass', message: passMessage(id, cases.length), hint: null, location };
}

function thrownVerdict(id: LabTaskId, c: TaskCase, error: ThrownError): Omit<TaskVerdict, 'location'> {
  if (error.name === REFUSED_ACCESS) return { status: 'error', message: `${id} was stopped on input ${c.label}. ${error.message}`, hint: null };
  if (error.todo) return { status: 'todo', message: `${id} is not written yet (it throws "${error.message}"). Replace the TODO with your code.`, hint: null };
  return {
    status: 'error',
    message: `${id} threw ${error.name}: ${error.message} on input ${c.label}. ${error.location ? `It was thrown at ${error.location.file}:${error.location.line}:${error.location.column}. ` : ''}Check the array sizes: Wxh is H×D, Whh H×H, Why O×H. Input values: ${describeInput(id, c.args)}`,
    hint: null,
  };
}

/** Null when the result is right; else what is wrong with it, and the known mistake it matches. */
function judge(id: LabTaskId, c: TaskCase, got: unknown, mutation: string | null): Omit<TaskVerdict, 'location'> | null {
  const mismatch = firstMismatch(c.expected, got, '');
  if (mismatch?.kind === 'bad-value' && mismatch.got === 'a Promise') {
    return { status: 'error', message: `${id} returned a Promise: it is declared async (or returns one). The lab's functions must return their result directly; remove "async" and any "await".`, hint: null };
  }
  if (mismatch?.kind === 'bad-value' || mismatch?.kind === 'shape') {
    const hint: HintCode | null = mismatch.kind === 'shape' ? 'wrong-shape' : null;
    return { status: mismatch.kind === 'shape' ? 'fail' : 'error', message: mismatchMessage(id, c.label, mismatch, null, describeInput(id, c.args)), hint };
  }
  if (mutation) return { status: 'fail', message: mutationMessage(id, c.label, mutation), hint: 'mutates-input' };
  if (!mismatch) return null;
  if (mismatch.kind === 'non-finite') {
    return { status: 'fail', message: mismatchMessage(id, c.label, mismatch, null, describeInput(id, c.args)), hint: 'non-finite' };
  }
  const matched = c.variants.find((v) => matches(v.output as unknown as Expected, got)) ?? null;
  return { status: 'fail', message: mismatchMessage(id, c.label, mismatch, matched, describeInput(id, c.args)), hint: matched?.hint ?? null };
}

import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { LAB_TASK_IDS, type LabTaskId } from '../../lesson/labTasks';
import { LAB_ENTRY } from '../labApi';
import type { SourceLocation } from '../location';
import type { ThrownError } from '../workerIpc';
import { judge } from '../oracle/judge';
import { describeInput, passMessage, printedNote, statefulMessage } from '../oracle/feedback';
import { firstChange } from '../plain';
import { labProblems } from '../oracle/problems';
import type { CheckReport, CheckTimings, TaskReport } from '../report';
import type { Sandbox } from './sandbox';
import { LabSession } from './labSession';
import { taskCases, type TaskCase } from '../oracle/taskCases';
import { crashedVerdict, exportVerdict, thrownVerdict, timeoutVerdict, unloadableVerdict, type Verdict } from '../oracle/verdicts';
import { defaultWorkerPath } from './workerPath';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS } from '../limits';

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

export { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS } from '../limits';

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
  const add = ({ id, status, message, hint, location, parts }: TaskReport): void => {
    // The report's keys in one order, whichever verdict the fields came from.
    const t: TaskReport = { id, status, message, hint, location, parts };
    tasks.push(t);
    options.onTask?.(t);
  };
  try {
    const prepared = await session.prepare();
    if (prepared.kind === 'cancelled') throw new CheckCancelledError();
    if (prepared.kind !== 'ready') {
      for (const id of LAB_TASK_IDS) add({ id, ...noResult(unloadableVerdict(prepared, timeoutMs)) });
    } else {
      timings.compileMs = prepared.lab.compileMs;
      for (const id of LAB_TASK_IDS) {
        const started = performance.now();
        const location = prepared.lab.declarations[id] ?? null;
        const notAFunction = exportVerdict(id, prepared.exports[id], location);
        add({ id, ...(notAFunction ? noResult(notAFunction) : await checkTask(session, id, casesOf(id), timeoutMs, location)) });
        timings.taskMs[id] = performance.now() - started;
      }
    }
  } finally {
    session.dispose();
  }
  timings.totalMs = performance.now() - t0;
  const passed = tasks.filter((t) => t.status === 'pass').length;
  return { report: { lab: options.labName ?? labDir, tasks, passed, total: LAB_TASK_IDS.length, language: 'typescript' }, timings };
}

type TaskVerdict = Omit<TaskReport, 'id'>;

/** A verdict on a task that returned nothing to compare: no hint, no parts. */
function noResult(v: Verdict): TaskVerdict {
  return { ...v, hint: null, parts: [] };
}

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

/**
 * One task: every case in one run (one message to the worker and back, not one per case), judged in
 * order; the first wrong case gives the verdict. The worker reports each call as it returns, so a run
 * that hangs or crashes at case k is judged exactly as cases one at a time would be: the cases before
 * k first, then the hang or crash at k. The budget covers the student's calls of the whole task.
 */
async function checkTask(session: LabSession, id: LabTaskId, cases: readonly TaskCase[], timeoutMs: number, location: SourceLocation | null): Promise<TaskVerdict> {
  const run = await session.run(id, cases.map((c) => c.args), timeoutMs);
  if (run.kind === 'cancelled') throw new CheckCancelledError();
  const { outcomes } = run;
  for (const [i, outcome] of outcomes.entries()) {
    const c = cases[i];
    if (outcome.kind === 'threw') return threwVerdict(id, c, outcome.error, location);
    const verdict = judge(id, c, outcome.value, outcome.mutation);
    if (!verdict) continue;
    // An unrecognised wrong result: does the same input, twice in a row, give two results?
    const stateful = verdict.hint === null || verdict.hint === 'non-finite' ? await repeatedCallDiffers(session, id, c, timeoutMs) : null;
    if (stateful) return { status: 'fail', message: statefulMessage(id, c.label, stateful, describeInput(id, c.args)), hint: 'stateful', location, parts: verdict.parts };
    return { ...verdict, message: verdict.message + printedNote(run.kind === 'ran' ? run.printedBytes : 0), location };
  }
  if (outcomes.length === cases.length) return { status: 'pass', message: passMessage(id, cases.length), hint: null, location, parts: [] };
  // Every case before it was right: the verdict is the hang or crash, on the case it happened in.
  const c = cases[outcomes.length];
  const input = ` on input ${c.label}`;
  if (run.kind === 'ran') return noResult(crashedVerdict(id, input, 'It produced no result.', location));
  if (run.kind === 'timeout') {
    const v = timeoutVerdict(id, timeoutMs, input, location);
    return noResult({ ...v, message: withInputValues(v.message, id, c) });
  }
  return noResult(crashedVerdict(id, input, `${run.message} The other tasks were checked in a fresh worker.`, location));
}

function threwVerdict(id: LabTaskId, c: TaskCase, error: ThrownError, location: SourceLocation | null): TaskVerdict {
  const v = thrownVerdict(id, error, ` on input ${c.label}`, location);
  return noResult({ ...v, message: v.status === 'todo' ? v.message : withInputValues(v.message, id, c) });
}

/** A message followed by the case's input values, so the student can paste them into a test. */
function withInputValues(message: string, id: LabTaskId, c: TaskCase): string {
  return `${message} Input values: ${describeInput(id, c.args)}`;
}

/** Calls the function twice more on the same input; names the first difference, or null. */
async function repeatedCallDiffers(session: LabSession, id: LabTaskId, c: TaskCase, budgetMs: number): Promise<string | null> {
  const run = await session.run(id, [c.args, c.args], budgetMs);
  if (run.kind !== 'ran' || run.outcomes.length < 2) return null;
  const [a, b] = run.outcomes;
  if (a.kind !== 'returned' || b.kind !== 'returned') return null;
  return firstChange('', a.value, b.value)?.replace(/^\./, '') ?? null;
}

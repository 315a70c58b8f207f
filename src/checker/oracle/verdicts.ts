import type { LabTaskId } from '../../lesson/labTasks';
import { LAB_ENTRY } from '../labApi';
import type { SourceLocation } from '../location';
import { REFUSED_ACCESS, type ExportShape, type ThrownError } from '../workerIpc';
import type { TaskStatus } from '../report';
import type { Prepared } from '../host/labSession';

/**
 * How what happened to the student's code becomes a status and a message, for the checker and the
 * gradient plot alike: a lab that does not compile or load, a missing export, a timeout, a crash, a
 * throw. Time budgets are always said in seconds.
 */
export interface Verdict {
  readonly status: Exclude<TaskStatus, 'pass' | 'fail'>;
  readonly message: string;
  readonly location: SourceLocation | null;
}

/** "10 s", "0.8 s": the one unit every time budget is shown in. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toPrecision(3))} s`;
}

/** Where the student finds what each function must do: the lab's own files. */
const WHERE_THE_API_IS = `the doc comment above it in ${LAB_ENTRY} and the lab's README.md`;

/** The verdict of every task when the lab cannot be loaded at all. */
export function unloadableVerdict(prepared: Exclude<Prepared, { kind: 'ready' | 'cancelled' }>, timeoutMs: number): Verdict {
  switch (prepared.kind) {
    case 'compileFailed': {
      const first = prepared.problems[0];
      const more = prepared.problems.length > 1 ? ` (and ${prepared.problems.length - 1} more problem${prepared.problems.length > 2 ? 's' : ''})` : '';
      const at = first.location ? `${first.location.file}:${first.location.line}:${first.location.column}: ` : '';
      return { status: 'error', message: `The lab does not compile: ${at}${first.message.replace(/\.$/, '')}${more}. Fix this first; no task can run until the lab compiles.`, location: first.location };
    }
    case 'loadFailed':
      if (prepared.error.name === REFUSED_ACCESS) return { status: 'error', message: `Loading ${LAB_ENTRY} was stopped. ${prepared.error.message}`, location: prepared.error.location };
      if (prepared.error.todo) return { status: 'todo', message: `Loading ${LAB_ENTRY} threw "${prepared.error.message}".`, location: prepared.error.location };
      return { status: 'error', message: `Loading ${LAB_ENTRY} threw ${prepared.error.name}: ${prepared.error.message}. Code at the top level of a file runs when the lab loads; move it into a function or fix it.`, location: prepared.error.location };
    case 'loadTimeout':
      return { status: 'timeout', message: `Loading ${LAB_ENTRY} did not finish within ${seconds(timeoutMs)}, so no task could run. Look for a loop at the top level of your files that never ends.`, location: { file: LAB_ENTRY, line: 1, column: 1 } };
    case 'crashed':
      return { status: 'error', message: `Loading ${LAB_ENTRY} failed. ${prepared.message}`, location: null };
  }
}

/** A task whose export is not a function (null when it is one). */
export function exportVerdict(id: LabTaskId, shape: ExportShape, location: SourceLocation | null): Verdict | null {
  switch (shape) {
    case 'function': return null;
    case 'missing': return { status: 'todo', message: `${LAB_ENTRY} does not export ${id} yet. Write \`export function ${id}(…)\` as ${WHERE_THE_API_IS} describe it.`, location };
    case 'not-a-function': return { status: 'error', message: `${LAB_ENTRY} exports ${id}, but it is not a function. Export the function itself: \`export function ${id}(…)\`.`, location };
  }
}

/** `input`: how the call's input is named in the message, e.g. `on input "T = 1"`, or ''. */
export function timeoutVerdict(id: LabTaskId, timeoutMs: number, input: string, location: SourceLocation | null): Verdict {
  return { status: 'timeout', message: `${id} did not return within ${seconds(timeoutMs)}${input}, so it was stopped. Look for a loop whose condition never becomes false (e.g. a wrong counter in a while loop).`, location };
}

export function crashedVerdict(id: LabTaskId, input: string, why: string, location: SourceLocation | null): Verdict {
  return { status: 'error', message: `${id} failed${input}. ${why}`, location };
}

export function thrownVerdict(id: LabTaskId, error: ThrownError, input: string, location: SourceLocation | null): Verdict {
  // The seat belt stopped an access (a file, a process, the network): its message says what and why.
  if (error.name === REFUSED_ACCESS) return { status: 'error', message: `${id} was stopped${input}. ${error.message}`, location: error.location ?? location };
  if (error.todo) return { status: 'todo', message: `${id} is not written yet (it throws "${error.message}"). Replace the TODO with your code.`, location: error.location ?? location };
  const at = error.location ? ` It was thrown at ${error.location.file}:${error.location.line}:${error.location.column}.` : '';
  return {
    status: 'error',
    message: `${id} threw ${error.name}: ${error.message}${input}.${at} Check the array sizes: Wxh is H×D, Whh H×H, Why O×H.`,
    location: error.location ?? location,
  };
}

import type { HintCode } from '../lesson/hintCodes';
import type { LabTaskId } from '../lesson/labTasks';
import type { SourceLocation } from './location';

/** How a task ended, in the order reports and tables list them. */
export const TASK_STATUSES = ['pass', 'fail', 'error', 'timeout', 'todo'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The language a lab is written in (the runtime that compiled and ran it). */
export type LabLanguage = 'typescript' | 'python';

/** The checker's report: exactly the JSON `rnn-lab check --json` prints. */
export interface TaskReport {
  readonly id: LabTaskId;
  readonly status: TaskStatus;
  readonly message: string;
  readonly hint: HintCode | null;
  readonly location: SourceLocation | null;
  /**
   * The parts of the result that disagree with the engine (`loss`, `dhs`, `grads.Whh`, `norm`,
   * `params.Wxh`, `hs`, `ys`, `h`), the one furthest off first; [] when it passes, and when the
   * task did not return a result to compare (an error, a timeout, a to-do).
   */
  readonly parts: readonly string[];
}

export interface CheckReport {
  readonly lab: string;
  readonly tasks: readonly TaskReport[];
  readonly passed: number;
  readonly total: number;
  readonly language: LabLanguage;
}

/** Timings of one check, for `--verbose`-style diagnostics and the benchmark (not part of the JSON). */
export interface CheckTimings {
  compileMs: number;
  totalMs: number;
  taskMs: Partial<Record<LabTaskId, number>>;
}

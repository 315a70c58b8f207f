import type { HintCode } from '../lesson/hintCodes';
import type { LabTaskId } from '../lesson/labTasks';
import type { SourceLocation } from './location';

/** The checker's report: exactly the JSON `rnn-lab check --json` prints. */
export type TaskStatus = 'pass' | 'fail' | 'error' | 'timeout' | 'todo';

export interface TaskReport {
  readonly id: LabTaskId;
  readonly status: TaskStatus;
  readonly message: string;
  readonly hint: HintCode | null;
  readonly location: SourceLocation | null;
}

export interface CheckReport {
  readonly lab: string;
  readonly tasks: readonly TaskReport[];
  readonly passed: number;
  readonly total: number;
}

/** Timings of one check, for `--verbose`-style diagnostics and the benchmark (not part of the JSON). */
export interface CheckTimings {
  compileMs: number;
  totalMs: number;
  taskMs: Partial<Record<LabTaskId, number>>;
}

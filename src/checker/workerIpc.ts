import type { LabTaskId } from '../lesson/labTasks';
import type { SourceLocation } from './location';

/**
 * The messages between the checker (extension host or CLI) and its worker process, which is the
 * only place student code runs. Everything crossing is plain structured-clone data.
 */

/** The student's TypeScript, compiled to CommonJS, ready to load in a worker. */
export interface CompiledLab {
  readonly labDir: string;
  /** lab-relative path (forward slashes) → CommonJS code. `rnn.ts` is the entry. */
  readonly modules: Readonly<Record<string, string>>;
  /** lab-relative path → (import specifier → lab-relative path it resolves to). */
  readonly imports: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** lab-relative path → its source map (v3 JSON), to map stack frames back to the .ts lines. */
  readonly sourceMaps: Readonly<Record<string, string>>;
  /** Where each task's function is declared, when it could be found. */
  readonly declarations: Readonly<Partial<Record<LabTaskId, SourceLocation>>>;
  readonly compileMs: number;
}

export interface CompileProblem {
  readonly message: string;
  readonly location: SourceLocation | null;
}

/** The `name` of a ThrownError for an access the seat belt refused (its message says what and why). */
export const REFUSED_ACCESS = 'RefusedAccess';

/** What the student's code threw (or how it ended), as seen inside the worker. */
export interface ThrownError {
  readonly name: string;
  readonly message: string;
  /** The message starts with TODO: the scaffold's stub (or the student's own placeholder). */
  readonly todo: boolean;
  /** The innermost stack frame inside the lab's files, when there is one. */
  readonly location: SourceLocation | null;
}

/** One call of a student function: what came back, whether it changed its arguments. */
export type CallOutcome =
  | { readonly kind: 'returned'; readonly value: unknown; readonly mutation: string | null; readonly ms: number }
  | { readonly kind: 'threw'; readonly error: ThrownError; readonly ms: number };

/** How each of the five exports looks after loading rnn.ts. */
export type ExportShape = 'function' | 'missing' | 'not-a-function';

export type ToWorker =
  | { readonly kind: 'compile'; readonly labDir: string }
  | { readonly kind: 'load'; readonly lab: CompiledLab }
  /** Calls the task's function on each argument list in order, stopping at the first that throws. */
  | { readonly kind: 'run'; readonly task: LabTaskId; readonly calls: readonly (readonly unknown[])[] };

export type FromWorker =
  /** Posted once at start-up: the worker is loaded and listening (start-up time is not the student's). */
  | { readonly kind: 'ready' }
  | { readonly kind: 'compiled'; readonly lab: CompiledLab }
  | { readonly kind: 'compileFailed'; readonly problems: readonly CompileProblem[]; readonly compileMs: number }
  | { readonly kind: 'loaded'; readonly exports: Readonly<Record<LabTaskId, ExportShape>> }
  | { readonly kind: 'loadFailed'; readonly error: ThrownError }
  /** One call of a `run` done (sent as it happens: the reply to a request that later hangs keeps it). */
  | { readonly kind: 'called'; readonly outcome: CallOutcome }
  /** Every call of a `run` done (or up to the first that threw); their outcomes came as `called`. */
  | { readonly kind: 'ran'; readonly printedBytes: number }
  | { readonly kind: 'workerFault'; readonly message: string };

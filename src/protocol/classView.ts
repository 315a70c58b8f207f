import type { HintCode } from '../lesson/hintCodes';
import type { LabTaskId } from '../lesson/labTasks';

/*
 * The class view's messages (RNN Lab: Grade Submissions Folder…): the host grades, then posts the
 * class as plain data; the webview only draws it. Same rules as the other panels: the webview says
 * `ready` first, both sides switch exhaustively on `type`, the webview validates what it receives.
 */

export type ClassTaskStatus = 'pass' | 'fail' | 'error' | 'timeout' | 'todo';

/** One student: the five statuses and the hints, or why the submission could not be graded. */
export interface ClassStudent {
  readonly name: string;
  /** In the lab's task order; null when the submission could not be graded (see `error`). */
  readonly statuses: Readonly<Record<LabTaskId, ClassTaskStatus>> | null;
  readonly passed: number;
  readonly hints: readonly { readonly task: LabTaskId; readonly hint: HintCode }[];
  readonly error: string | null;
}

/** How many graded submissions pass one task. */
export interface ClassTaskRate {
  readonly task: LabTaskId;
  readonly pass: number;
  readonly graded: number;
}

/** One recognised mistake in this class: how often, and what to re-teach. */
export interface ClassMistake {
  readonly hint: HintCode;
  /** Task reports with this hint (one student can have it in two tasks). */
  readonly count: number;
  /** Students with this hint in at least one task. */
  readonly students: number;
  readonly description: string;
  /** The lesson's pitfalls for this hint: what students did, and the fix. */
  readonly pitfalls: readonly { readonly title: string; readonly fix: string }[];
  /** The lesson's misconception this mistake is a symptom of, or null. */
  readonly misconception: { readonly belief: string; readonly correction: string } | null;
}

export interface ClassViewData {
  /** The submissions folder, as shown (workspace-relative when it can be). */
  readonly folder: string;
  readonly students: readonly ClassStudent[];
  readonly tasks: readonly ClassTaskRate[];
  /** Most common first. */
  readonly mistakes: readonly ClassMistake[];
  /** What the seat belt covered on this runtime (one sentence for the footer). */
  readonly seatBelt: string;
}

// ───────────── host → class view ─────────────

/** The graded class to draw. */
export interface ShowClassMessage {
  readonly type: 'showClass';
  readonly view: ClassViewData;
}

/** What became of "Export CSV". */
export interface ClassExportResultMessage {
  readonly type: 'classExportResult';
  readonly outcome: 'saved' | 'cancelled' | 'failed';
  readonly message: string;
}

export type HostToClassView = ShowClassMessage | ClassExportResultMessage;

// ───────────── class view → host ─────────────

export interface ClassReadyMessage {
  readonly type: 'ready';
}

/** Save the gradebook as CSV (the same file as `rnn-lab grade --csv`) where the user chooses. */
export interface ExportClassCsvMessage {
  readonly type: 'exportClassCsv';
}

/** Something went wrong inside the class view. */
export interface ClassViewErrorMessage {
  readonly type: 'webviewError';
  readonly message: string;
}

export type ClassViewToHost = ClassReadyMessage | ExportClassCsvMessage | ClassViewErrorMessage;

import * as vscode from 'vscode';
import { LAB_TASK_IDS, type LabTaskId } from '../lesson/labTasks';
import type { HintCode } from '../lesson/hintCodes';
import type { TaskStatus } from '../checker';

/** A task's state as the sidebar, status bar and Testing view show it: the checker's status, or `unchecked` = never checked. */
export type TaskState = TaskStatus | 'unchecked';

export interface TaskStatusEntry {
  readonly id: LabTaskId;
  readonly state: TaskState;
  readonly message: string;
  readonly hint: HintCode | null;
  /** The parts of the result the check found wrong (the checker's `TaskReport.parts`). */
  readonly parts: readonly string[];
}

/**
 * The outcome of the last lab check, shared by the features that show it (sidebar, status bar,
 * plot). The lab feature writes it; the others listen to `onDidChange`.
 */
export class LabStatusStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private entries = new Map<LabTaskId, TaskStatusEntry>();
  private checkedLabUri: vscode.Uri | undefined;

  /** Records a finished check of the lab folder `labUri`. */
  update(labUri: vscode.Uri, results: readonly TaskStatusEntry[]): void {
    this.checkedLabUri = labUri;
    this.entries = new Map(results.map((r) => [r.id, r]));
    this.changed.fire();
  }

  get(id: LabTaskId): TaskStatusEntry {
    return this.entries.get(id) ?? { id, state: 'unchecked', message: 'Not checked yet.', hint: null, parts: [] };
  }

  all(): TaskStatusEntry[] {
    return LAB_TASK_IDS.map((id) => this.get(id));
  }

  get labUri(): vscode.Uri | undefined {
    return this.checkedLabUri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

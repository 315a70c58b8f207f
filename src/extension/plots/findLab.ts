import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';

/**
 * The lab folder to probe: the one last checked (if it still has its rnn.ts), else the first folder
 * in the workspace with an rnn.ts.
 */
export async function findLabDir(labStatus: LabStatusStore): Promise<string | undefined> {
  const checked = labStatus.labUri?.fsPath;
  if (checked && existsSync(path.join(checked, 'rnn.ts'))) return checked;
  const found = await vscode.workspace.findFiles('**/rnn.ts', '**/node_modules/**', 1);
  return found[0] ? path.dirname(found[0].fsPath) : undefined;
}

/** Why the student's code cannot run right now, or null when it can. */
export function studentUnavailableReason(labDir: string | undefined): string | null {
  if (!vscode.workspace.isTrusted) {
    return 'Your bptt runs only in a trusted workspace (Workspaces: Manage Workspace Trust); the engine curve is shown meanwhile.';
  }
  if (!labDir) return 'No lab found: run RNN Lab: Scaffold Lab Files, implement bptt, then RNN Lab: Check Lab.';
  return null;
}

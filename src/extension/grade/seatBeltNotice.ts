import * as vscode from 'vscode';
import { seatBeltSummary, type ChildRuntime } from '../../checker/host/childRuntime';

let warned = false;

/**
 * Once per session: when this VS Code's runtime refused Node's permission model flags, say so
 * (student code then runs with the checker's own guards only: file access is not confined).
 */
export function warnIfUnbelted(runtime: ChildRuntime): void {
  if (runtime.permissionFlag || warned) return;
  warned = true;
  void vscode.window.showWarningMessage(`RNN Lab: ${seatBeltSummary(runtime)}`);
}

import * as vscode from 'vscode';

/** Scaffolding and checking the student's lab (owned by the checker feature). */
export function registerLab(_context: vscode.ExtensionContext): void {
  // Filled in by the checker feature.
}

import * as vscode from 'vscode';

/** The student gradient plot and the instructor demos (owned by the plots feature). */
export function registerPlots(_context: vscode.ExtensionContext): void {
  // Filled in by the plots feature.
}

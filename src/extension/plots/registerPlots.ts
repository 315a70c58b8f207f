import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';

/** The student gradient plot and the instructor demos (owned by the plots feature). */
export function registerPlots(_context: vscode.ExtensionContext, _labStatus: LabStatusStore): void {
  // Filled in by the plots feature.
}

import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';

/** Scaffolding and checking the student's lab (owned by the checker feature). */
export function registerLab(_context: vscode.ExtensionContext, _labStatus: LabStatusStore): void {
  // Filled in by the checker feature.
}

import * as vscode from 'vscode';
import { registerLesson } from './lesson/registerLesson';
import { registerLab } from './lab/registerLab';
import { registerPlots } from './plots/registerPlots';

/**
 * A thin activate: each feature registers its own commands, views and panels and pushes every
 * disposable into `context.subscriptions`. No logic lives here.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerLesson(context);
  registerLab(context);
  registerPlots(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

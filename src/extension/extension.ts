import * as vscode from 'vscode';
import { registerGrade } from './grade/registerGrade';
import { LabStatusStore } from './labStatus';
import { registerLesson } from './lesson/registerLesson';
import { registerLab } from './lab/registerLab';
import { registerPlots } from './plots/registerPlots';

/**
 * A thin activate: build the shared collaborators, then let each feature register its own
 * commands, views and panels. Every disposable goes into `context.subscriptions`.
 */
export function activate(context: vscode.ExtensionContext): void {
  const labStatus = new LabStatusStore();
  context.subscriptions.push(labStatus);
  registerLesson(context, labStatus);
  registerLab(context, labStatus);
  registerPlots(context, labStatus);
  registerGrade(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

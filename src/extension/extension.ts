import * as vscode from 'vscode';
import { LabFinder } from './lab/labFinder';
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
  const labs = new LabFinder();
  context.subscriptions.push(labStatus, labs);
  registerLesson(context, labStatus, labs);
  registerLab(context, labStatus, labs);
  registerPlots(context, labStatus, labs);
  registerGrade(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';

/** The lesson sidebar, concept checks and class timer (owned by the lesson feature). */
export function registerLesson(context: vscode.ExtensionContext, _labStatus: LabStatusStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('rnnLab.openLesson', () =>
      vscode.commands.executeCommand('workbench.view.extension.rnnLab')),
  );
}

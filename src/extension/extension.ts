import * as vscode from 'vscode';
import { useKernels } from '../engine';
import { LabStatusStore } from './labStatus';
import { registerLesson } from './lesson/registerLesson';
import { registerLab } from './lab/registerLab';
import { registerPlots } from './plots/registerPlots';

/**
 * A thin activate: build the shared collaborators, then let each feature register its own
 * commands, views and panels. Every disposable goes into `context.subscriptions`.
 */
export function activate(context: vscode.ExtensionContext): void {
  // The checker's reference runs here: on the engine's WebAssembly kernels (the extension host can
  // compile them); a reason they could not be built goes to the extension host's log.
  useKernels({ kernels: 'wasm', log: (message) => console.warn(message) });
  const labStatus = new LabStatusStore();
  context.subscriptions.push(labStatus);
  registerLesson(context, labStatus);
  registerLab(context, labStatus);
  registerPlots(context, labStatus);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

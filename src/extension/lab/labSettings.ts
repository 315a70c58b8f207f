import * as vscode from 'vscode';

/** The lab's settings (package.json contributes.configuration). */
export interface LabSettings {
  readonly timeoutMs: number;
  readonly onSave: boolean;
}

export function readLabSettings(): LabSettings {
  const c = vscode.workspace.getConfiguration('rnnLab.check');
  const timeoutMs = c.get<number>('timeoutMs', 10_000);
  return {
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs >= 100 ? timeoutMs : 10_000,
    onSave: c.get<boolean>('onSave', false),
  };
}

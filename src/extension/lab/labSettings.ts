import * as vscode from 'vscode';
import { DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../checker';

/** The lab's settings (package.json contributes.configuration). */
export interface LabSettings {
  readonly timeoutMs: number;
  readonly onSave: boolean;
}

/** The last invalid value warned about, so a bad setting is named once, not on every check. */
let warnedTimeout: unknown;

export function readLabSettings(): LabSettings {
  const c = vscode.workspace.getConfiguration('rnnLab.check');
  const raw: unknown = c.get('timeoutMs', DEFAULT_TIMEOUT_MS);
  const valid = typeof raw === 'number' && Number.isFinite(raw) && raw >= MIN_TIMEOUT_MS;
  if (!valid && raw !== warnedTimeout) {
    warnedTimeout = raw;
    void vscode.window.showWarningMessage(
      `RNN Lab: the setting rnnLab.check.timeoutMs is ${JSON.stringify(raw)}, which is not a number of milliseconds ≥ ${MIN_TIMEOUT_MS}. ` +
      `Checks use the default budget of ${DEFAULT_TIMEOUT_MS} ms until it is fixed.`,
      'Open Setting',
    ).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'rnnLab.check.timeoutMs');
    });
  }
  return {
    timeoutMs: valid ? raw : DEFAULT_TIMEOUT_MS,
    onSave: c.get<boolean>('onSave', false),
  };
}

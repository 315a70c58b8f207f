import * as vscode from 'vscode';
import { LAB_ENTRY } from '../../checker/labApi';
import { findLabEntries } from '../labFiles';

/**
 * Tracks whether the workspace holds a lab (`rnn.ts`) and mirrors it in the `rnnLab.hasLab` context
 * key, which the welcome view and menus use.
 */
export class LabPresence implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  readonly onDidChange = this.changed.event;
  private present = false;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${LAB_ENTRY}`, false, true, false);
  // Deleting a whole folder reports only the folder, so while a lab exists any deletion re-checks.
  private readonly deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);

  constructor() {
    this.watcher.onDidCreate(() => void this.refresh());
    this.watcher.onDidDelete(() => void this.refresh());
    this.deletions.onDidDelete(() => {
      if (this.present) void this.refresh();
    });
    void this.refresh();
  }

  get hasLab(): boolean {
    return this.present;
  }

  async refresh(): Promise<boolean> {
    const found = await findLabEntries(1);
    const present = found.length > 0;
    await vscode.commands.executeCommand('setContext', 'rnnLab.hasLab', present);
    if (present !== this.present) {
      this.present = present;
      this.changed.fire(present);
    }
    return present;
  }

  dispose(): void {
    this.watcher.dispose();
    this.deletions.dispose();
    this.changed.dispose();
  }
}

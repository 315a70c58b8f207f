import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAB_ENTRY } from '../../checker/labApi';
import { findLabEntries } from '../labFiles';
import type { LabStatusStore } from '../labStatus';

/**
 * Finds the lab folder to probe: the one last checked (known at once), else the first folder in
 * the workspace with an rnn.ts. The workspace search is slow on big workspaces (a file search
 * per call), so its answer is kept while that folder still has its rnn.ts; a miss is not kept, so
 * a lab created later is found on the next run.
 */
export class LabLocator implements vscode.Disposable {
  private found: string | undefined;
  private searching: Promise<string | undefined> | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly labStatus: LabStatusStore) {
    this.subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => { this.found = undefined; });
  }

  /** The lab folder if it is known without searching, else undefined. */
  known(): string | undefined {
    const checked = this.labStatus.labUri?.fsPath;
    if (checked && hasRnnTs(checked)) return checked;
    if (this.found && hasRnnTs(this.found)) return this.found;
    return undefined;
  }

  /** The lab folder, searching the workspace only when it is not known (one search at a time). */
  find(): Promise<string | undefined> {
    const known = this.known();
    if (known) return Promise.resolve(known);
    this.searching ??= Promise.resolve(findLabEntries(1)).then(
      (files) => {
        this.searching = undefined;
        this.found = files[0] ? path.dirname(files[0].fsPath) : undefined;
        return this.found;
      },
      () => { this.searching = undefined; return undefined; },
    );
    return this.searching;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function hasRnnTs(dir: string): boolean {
  return existsSync(path.join(dir, LAB_ENTRY));
}

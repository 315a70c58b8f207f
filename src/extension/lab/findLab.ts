import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAB_ENTRY } from '../../checker/labApi';
import { findLabEntries } from '../labFiles';

/**
 * Which lab folder to check: the one given, else the folder of the active rnn.ts (or of a file next
 * to one), else the last one checked, else the only rnn.ts in the workspace (or the student picks).
 */
export async function findLabFolder(given: vscode.Uri | undefined, lastChecked: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  if (given) return given.fsPath.endsWith(LAB_ENTRY) ? vscode.Uri.file(path.dirname(given.fsPath)) : given;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') {
    const dir = labFolderOf(active, await findLabEntries(50));
    if (dir) return dir;
  }
  if (lastChecked) return lastChecked;
  const entries = await findLabEntries(50);
  if (entries.length === 0) return undefined;
  if (entries.length === 1) return vscode.Uri.file(path.dirname(entries[0].fsPath));
  const picked = await vscode.window.showQuickPick(
    entries.map((u) => ({ label: vscode.workspace.asRelativePath(path.dirname(u.fsPath)), uri: u })),
    { title: 'RNN Lab: which lab folder should be checked?', placeHolder: 'Folders with an rnn.ts' },
  );
  return picked ? vscode.Uri.file(path.dirname(picked.uri.fsPath)) : undefined;
}

/** The lab folder containing `file` (the deepest folder with an rnn.ts above it). */
export function labFolderOf(file: vscode.Uri, entries: readonly vscode.Uri[]): vscode.Uri | undefined {
  const dirs = entries.map((u) => path.dirname(u.fsPath)).sort((a, b) => b.length - a.length);
  const hit = dirs.find((d) => file.fsPath === d || file.fsPath.startsWith(d + path.sep));
  return hit ? vscode.Uri.file(hit) : undefined;
}

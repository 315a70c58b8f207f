import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAB_ENTRY } from '../../checker';

/** How many lab folders one workspace search lists; beyond that the student is told and may browse. */
export const LAB_SEARCH_LIMIT = 200;
/** Watcher events come in bursts (a folder written or deleted at once): one search per burst. */
const PRESENCE_DEBOUNCE_MS = 300;
/** Test-only: set in the environment of the VS Code under test to ignore the file watcher's events. */
export const SUPPRESS_WATCHER_ENV = 'RNN_LAB_TEST_SUPPRESS_LAB_WATCHER';

/**
 * The one rule for finding the student's lab, used by Check Lab, check on save, the gradient plot
 * and the welcome view, and the one place that searches the workspace for it:
 *
 * the folder given, else the lab of the active editor, else the last one checked (or remembered),
 * else the only lab in the workspace, else the student picks (told when there are more than
 * LAB_SEARCH_LIMIT). No synchronous file-system call runs here: this is the extension host.
 *
 * It also tracks whether the workspace holds any lab, mirrored in the `rnnLab.hasLab` context key.
 * That is refreshed after scaffolding, after every check and when the sidebar is shown, not only on
 * a file-watcher event: Linux watchers miss files written right after their folder is created.
 */
export class LabFinder implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires when the workspace gains its first lab or loses its last. */
  readonly onDidChangePresence = this.changed.event;
  private present = false;
  private debounce: NodeJS.Timeout | undefined;
  private readonly watchers: vscode.Disposable[];

  constructor(private readonly watcherSuppressed = process.env[SUPPRESS_WATCHER_ENV] === '1') {
    const entries = vscode.workspace.createFileSystemWatcher(`**/${LAB_ENTRY}`, false, true, false);
    // Deleting a whole folder reports only the folder, so while a lab exists any deletion re-checks.
    const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.watchers = [
      entries, deletions,
      entries.onDidCreate(() => this.watcherSaw()),
      entries.onDidDelete(() => this.watcherSaw()),
      deletions.onDidDelete(() => { if (this.present) this.watcherSaw(); }),
    ];
    void this.refreshPresence();
  }

  get hasLab(): boolean {
    return this.present;
  }

  /** Searches once for any lab and updates `hasLab` and the context key. */
  async refreshPresence(): Promise<boolean> {
    const found = await vscode.workspace.findFiles(`**/${LAB_ENTRY}`, '**/node_modules/**', 1);
    const present = found.length > 0;
    await vscode.commands.executeCommand('setContext', 'rnnLab.hasLab', present);
    if (present !== this.present) {
      this.present = present;
      this.changed.fire(present);
    }
    return present;
  }

  /**
   * The lab to use (see the class comment for the rule). `remembered` is the last checked folder (or
   * the plot's previous one); `ask` false never shows a picker (undefined when several labs tie).
   */
  async resolve(given: vscode.Uri | undefined, remembered: vscode.Uri | undefined, ask: boolean): Promise<vscode.Uri | undefined> {
    if (given) return given.fsPath.endsWith(LAB_ENTRY) ? vscode.Uri.file(path.dirname(given.fsPath)) : given;
    const active = vscode.window.activeTextEditor?.document.uri;
    const ofActive = active?.scheme === 'file' ? await this.labOf(active) : undefined;
    if (ofActive) return ofActive;
    if (remembered && (await hasLabEntry(remembered))) return remembered;
    const { folders, truncated } = await this.search();
    if (folders.length === 1 && !truncated) return folders[0];
    if (folders.length === 0 || !ask) return undefined;
    return pickLab(folders, truncated);
  }

  /** The lab folder holding `file`: the nearest folder at or above it with an rnn.ts, inside the workspace. */
  async labOf(file: vscode.Uri): Promise<vscode.Uri | undefined> {
    const root = vscode.workspace.getWorkspaceFolder(file)?.uri.fsPath;
    if (!root) return undefined;
    for (let dir = path.dirname(file.fsPath); dir.startsWith(root); dir = path.dirname(dir)) {
      if (await hasLabEntry(vscode.Uri.file(dir))) return vscode.Uri.file(dir);
      if (dir === root || path.dirname(dir) === dir) break;
    }
    return undefined;
  }

  dispose(): void {
    clearTimeout(this.debounce);
    for (const d of this.watchers) d.dispose();
    this.changed.dispose();
  }

  private watcherSaw(): void {
    if (this.watcherSuppressed) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.refreshPresence(), PRESENCE_DEBOUNCE_MS);
  }

  /** Lab folders in the workspace, at most LAB_SEARCH_LIMIT; `truncated` when there are more. */
  private async search(): Promise<{ folders: vscode.Uri[]; truncated: boolean }> {
    const files = await vscode.workspace.findFiles(`**/${LAB_ENTRY}`, '**/node_modules/**', LAB_SEARCH_LIMIT + 1);
    const folders = files.slice(0, LAB_SEARCH_LIMIT).map((u) => vscode.Uri.file(path.dirname(u.fsPath)));
    folders.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
    return { folders, truncated: files.length > LAB_SEARCH_LIMIT };
  }
}

async function hasLabEntry(dir: vscode.Uri): Promise<boolean> {
  try {
    const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(dir, LAB_ENTRY));
    return (stat.type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** The student picks a lab folder; with more than the search lists, they are told and may browse. */
async function pickLab(folders: readonly vscode.Uri[], truncated: boolean): Promise<vscode.Uri | undefined> {
  type Item = vscode.QuickPickItem & { readonly uri: vscode.Uri | undefined };
  const browse: Item = { label: '$(folder-opened) Choose another folder…', uri: undefined };
  const items: Item[] = [...folders.map((uri): Item => ({ label: vscode.workspace.asRelativePath(uri), uri })), browse];
  const picked = await vscode.window.showQuickPick(items, {
    title: truncated
      ? `RNN Lab: more than ${LAB_SEARCH_LIMIT} folders have an rnn.ts; the first ${LAB_SEARCH_LIMIT} are listed. Which lab?`
      : 'RNN Lab: which lab folder?',
    placeHolder: 'Folders with an rnn.ts (or open a lab\'s rnn.ts first: its folder is used)',
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use this lab folder' });
  const dir = chosen?.[0];
  if (dir && !(await hasLabEntry(dir))) {
    void vscode.window.showErrorMessage(`RNN Lab: ${vscode.workspace.asRelativePath(dir)} has no ${LAB_ENTRY}. Pick the folder that holds the lab's ${LAB_ENTRY}.`);
    return undefined;
  }
  return dir;
}

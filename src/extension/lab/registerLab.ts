import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CheckReport } from '../../checker';
import type { LabStatusStore } from '../labStatus';
import { LabChecker } from './labChecker';
import type { LabFinder } from './labFinder';
import { readLabSettings } from './labSettings';
import { LabStatusBar } from './labStatusBar';
import { LabTests } from './labTests';
import { scaffoldCommand } from './scaffoldLab';
import { registerTestCommands } from '../testCommands';

const UNTRUSTED = 'RNN Lab checks a lab by running its code (rnn.ts and the files it imports). This workspace is not trusted, so RNN Lab will not run it. Trust the workspace if you wrote this lab or know where it comes from; the lesson and demos work without trust.';

/**
 * The checker reads the files on disk. When a lab file has unsaved edits, ask whether to save them
 * first (never save without asking); false when the student cancels.
 */
async function savedOrAccepted(labDir: vscode.Uri): Promise<boolean> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file' && d.uri.fsPath.startsWith(labDir.fsPath + path.sep));
  if (dirty.length === 0) return true;
  const names = dirty.map((d) => path.basename(d.uri.fsPath)).join(', ');
  const choice = await vscode.window.showWarningMessage(
    `RNN Lab checks the saved files, but ${names} ${dirty.length === 1 ? 'has' : 'have'} unsaved changes.`,
    'Save and Check', 'Check Saved Version',
  );
  if (choice === 'Save and Check') {
    await Promise.all(dirty.map((d) => d.save()));
    return true;
  }
  return choice === 'Check Saved Version';
}

/** Scaffolding and checking the student's lab: commands, Problems, Testing view, status bar, check on save. */
export function registerLab(context: vscode.ExtensionContext, labStatus: LabStatusStore, labs: LabFinder): void {
  const statusBar = new LabStatusBar(labStatus);
  const checker = new LabChecker(context.extensionPath, labStatus, statusBar);

  /** Finds the lab and checks it with a cancellable progress notification (or in the status bar when quiet). */
  const checkCommand = async (target?: vscode.Uri, quiet = false, token?: vscode.CancellationToken): Promise<{ labDir: vscode.Uri; report: CheckReport } | undefined> => {
    if (!vscode.workspace.isTrusted) {
      const choice = await vscode.window.showWarningMessage(UNTRUSTED, 'Manage Workspace Trust');
      if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
      return undefined;
    }
    const labDir = await labs.resolve(target instanceof vscode.Uri ? target : undefined, labStatus.labUri, true);
    if (!labDir) {
      const choice = await vscode.window.showWarningMessage('RNN Lab: there is no rnn.ts in this workspace yet. Scaffold the lab first.', 'Scaffold Lab Files');
      if (choice) await vscode.commands.executeCommand('rnnLab.scaffoldLab');
      return undefined;
    }
    if (!quiet && !token && !(await savedOrAccepted(labDir))) return undefined;
    const run = async (progress: vscode.Progress<{ message?: string; increment?: number }>, t?: vscode.CancellationToken) => {
      const report = await checker.check(labDir, t, (done) => progress.report({ message: `${done}/5 tasks checked`, increment: 20 }));
      return report ? { labDir, report } : undefined;
    };
    if (quiet || token) return vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'RNN Lab: checking' }, (p) => run(p, token));
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `RNN Lab: checking ${vscode.workspace.asRelativePath(labDir)}`, cancellable: true },
      (p, t) => run(p, t),
    );
  };

  const tests = new LabTests((token) => checkCommand(undefined, true, token));
  checker.attachTests(tests);

  let saveTimer: NodeJS.Timeout | undefined;
  const onSave = vscode.workspace.onDidSaveTextDocument(async (doc) => {
    if (!readLabSettings().onSave || !vscode.workspace.isTrusted || !/\.[cm]?[tj]s$/.test(doc.uri.fsPath)) return;
    const labDir = await labs.labOf(doc.uri);
    if (!labDir) return;
    // Saving several files at once (Save All) checks once.
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void checkCommand(labDir, true), 300);
  });

  context.subscriptions.push(
    statusBar,
    checker,
    tests,
    onSave,
    { dispose: () => clearTimeout(saveTimer) },
    vscode.commands.registerCommand('rnnLab.scaffoldLab', async (target?: vscode.Uri) => {
      const result = await scaffoldCommand(context.extensionPath, target instanceof vscode.Uri ? target : undefined);
      // The sidebar and the welcome view learn of the new lab now, not from a watcher event that may never come.
      await labs.refreshPresence();
      return result;
    }),
    vscode.commands.registerCommand('rnnLab.checkLab', async (target?: vscode.Uri) => (await checkCommand(target))?.report),
  );
  // For RNN Lab's tests only: what the lab feature shows right now.
  registerTestCommands(context, {
    'rnnLab.internal.labState': () => ({
      labUri: labStatus.labUri?.toString() ?? null,
      tasks: labStatus.all(),
      statusBar: statusBar.text,
      testResults: Object.fromEntries(tests.lastResults),
      testItems: tests.placements(),
      timings: checker.lastTimings ?? null,
    }),
  });
}

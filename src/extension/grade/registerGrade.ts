import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CheckCancelledError } from '../../checker/host/checkLab';
import { childRuntime, seatBeltSummary } from '../../checker/host/childRuntime';
import { classSummary } from '../../checker/host/grade/classSummary';
import { findSubmissions } from '../../checker/host/grade/findSubmissions';
import { gradeClass } from '../../checker/host/grade/gradeClass';
import type { Gradebook } from '../../checker/host/grade/gradebook';
import { readLabSettings } from '../lab/labSettings';
import { openClassView } from './classViewPanel';
import { warnIfUnbelted } from './seatBeltNotice';

const UNTRUSTED = 'RNN Lab grades submissions by running their code. This workspace is not trusted, so RNN Lab will not run it. Trust the workspace to grade.';

/** RNN Lab: Grade Submissions Folder…: grades a class with progress and cancellation, then opens the class view. */
export function registerGrade(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('rnnLab.gradeSubmissions', (target?: vscode.Uri) => gradeCommand(context, target)));
}

async function gradeCommand(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<Gradebook | undefined> {
  if (!vscode.workspace.isTrusted) {
    const choice = await vscode.window.showWarningMessage(UNTRUSTED, 'Manage Workspace Trust');
    if (choice) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  const folder = target instanceof vscode.Uri ? target : await askFolder();
  if (!folder) return undefined;
  const count = findSubmissions(folder.fsPath).length;
  const shown = vscode.workspace.asRelativePath(folder);
  if (count === 0) {
    void vscode.window.showWarningMessage(`RNN Lab: no subfolder of ${shown} holds an rnn.ts, so there is nothing to grade. Choose the folder with one subfolder per student.`);
    return undefined;
  }
  const runtime = await childRuntime();
  warnIfUnbelted(runtime);
  const controller = new AbortController();
  let gradebook: Gradebook;
  try {
    gradebook = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `RNN Lab: grading ${count} submission${count === 1 ? '' : 's'} in ${shown}`, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return gradeClass(folder.fsPath, {
          jobs: Math.max(1, os.availableParallelism() - 1),
          timeoutMs: readLabSettings().timeoutMs,
          workerPath: path.join(context.extensionPath, 'dist', 'checker-worker.js'),
          signal: controller.signal,
          onGraded: (graded, done, total) => progress.report({ message: `${done}/${total}: ${graded.name}`, increment: 100 / total }),
        });
      },
    );
  } catch (e) {
    if (e instanceof CheckCancelledError) return undefined;
    throw e;
  }
  openClassView(context.extensionUri, classSummary(gradebook, shown, seatBeltSummary(runtime)), gradebook);
  return gradebook;
}

async function askFolder(): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({
    title: 'RNN Lab: the folder with one subfolder per student',
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Grade this folder',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return chosen?.[0];
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { CheckCancelledError, LabNotFoundError, checkLab, childRuntime, type CheckReport, type CheckTimings } from '../../checker';
import { warnIfUnbelted } from '../grade/seatBeltNotice';
import type { LabStatusStore } from '../labStatus';
import { labDiagnostics, widenToWord } from './labDiagnostics';
import type { LabStatusBar } from './labStatusBar';
import { readLabSettings } from './labSettings';
import type { LabTests } from './labTests';

/**
 * Runs one check of a lab folder (in the checker's worker, never here) and shows the outcome
 * everywhere: the LabStatusStore (sidebar, plot), Problems, Testing view and status bar. A new
 * check cancels one still running.
 */
export class LabChecker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('rnnLab');
  /** One line per check: what passed and how long it took (View → Output → RNN Lab Checker). */
  readonly log = vscode.window.createOutputChannel('RNN Lab Checker');
  /** The timings of the last check, for the lab state query. */
  lastTimings: CheckTimings | undefined;
  private running: AbortController | undefined;

  constructor(
    private readonly extensionPath: string,
    private readonly labStatus: LabStatusStore,
    private readonly statusBar: LabStatusBar,
    private tests: LabTests | undefined = undefined,
  ) {}

  attachTests(tests: LabTests): void {
    this.tests = tests;
  }

  /** Undefined when cancelled or when the lab cannot be found (the student is told). */
  async check(labDir: vscode.Uri, token?: vscode.CancellationToken, onTask?: (done: number) => void): Promise<CheckReport | undefined> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const cancel = token?.onCancellationRequested(() => controller.abort());
    this.statusBar.checking();
    warnIfUnbelted(await childRuntime());
    let done = 0;
    try {
      const { report, timings } = await checkLab(labDir.fsPath, {
        timeoutMs: readLabSettings().timeoutMs,
        workerPath: path.join(this.extensionPath, 'dist', 'checker-worker.js'),
        signal: controller.signal,
        labName: vscode.workspace.asRelativePath(labDir),
        onTask: () => onTask?.(++done),
      });
      this.lastTimings = timings;
      this.log.appendLine(`${new Date().toISOString()} ${report.lab}: ${report.passed}/${report.total} pass (${report.tasks.map((t) => `${t.id} ${t.status}`).join(', ')}); compile ${timings.compileMs.toFixed(0)} ms, check ${timings.totalMs.toFixed(0)} ms`);
      await this.show(labDir, report);
      return report;
    } catch (e) {
      if (e instanceof CheckCancelledError) return undefined;
      if (e instanceof LabNotFoundError) {
        void vscode.window.showErrorMessage(`RNN Lab: ${e.message}`);
        return undefined;
      }
      throw e;
    } finally {
      cancel?.dispose();
      if (this.running === controller) this.running = undefined;
      this.statusBar.refresh();
    }
  }

  dispose(): void {
    this.running?.abort();
    this.diagnostics.dispose();
    this.log.dispose();
  }

  private async show(labDir: vscode.Uri, report: CheckReport): Promise<void> {
    this.labStatus.update(labDir, report.tasks.map((t) => ({ id: t.id, state: t.status, message: t.message, hint: t.hint, parts: t.parts })));
    this.diagnostics.clear();
    for (const [uri, list] of labDiagnostics(labDir, report)) {
      const fileUri = vscode.Uri.parse(uri);
      for (const d of list) widenToWord(fileUri, d);
      this.diagnostics.set(fileUri, list);
    }
    this.tests?.record(labDir, report);
  }
}

import * as vscode from 'vscode';
import type { CheckReport, TaskReport } from '../../checker';
import { LAB_TASKS, type LabTaskId } from '../../lesson/labTasks';
import { rangeAt } from './labDiagnostics';

/**
 * The Testing view: one test per lab task, runnable from there (a run checks the lab and reports the
 * tasks asked for). Every check, however started, is recorded as a test run.
 */
export class LabTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('rnnLab', 'RNN Lab');
  private readonly items = new Map<LabTaskId, vscode.TestItem>();
  /** What the last run reported per task (passed, failed, errored, skipped): for the lab state query. */
  readonly lastResults = new Map<LabTaskId, string>();

  constructor(runCheck: (token: vscode.CancellationToken) => Promise<{ labDir: vscode.Uri; report: CheckReport } | undefined>) {
    for (const task of LAB_TASKS) {
      const item = this.controller.createTestItem(task.id, `${task.id}: ${task.title}`);
      item.description = task.summary;
      this.items.set(task.id, item);
      this.controller.items.add(item);
    }
    this.controller.createRunProfile('Check Lab', vscode.TestRunProfileKind.Run, async (request, token) => {
      const run = this.controller.createTestRun(request, 'RNN Lab check', false);
      const included = this.included(request);
      for (const item of included) run.started(item);
      try {
        const result = await runCheck(token);
        if (result) this.report(run, result.labDir, result.report, included);
        else for (const item of included) run.skipped(item);
      } finally {
        run.end();
      }
    }, true);
  }

  /** Records a finished check (started from the command, on save, or here) as a test run. */
  record(labDir: vscode.Uri, report: CheckReport): void {
    const request = new vscode.TestRunRequest();
    const run = this.controller.createTestRun(request, 'RNN Lab check', false);
    this.report(run, labDir, report, [...this.items.values()]);
    run.end();
  }

  /** Where each test item sits (file and 1-based line), as the Testing view shows it. */
  placements(): Record<string, string | null> {
    return Object.fromEntries([...this.items].map(([id, i]) => [id, i.uri && i.range ? `${vscode.workspace.asRelativePath(i.uri)}:${i.range.start.line + 1}` : null]));
  }

  dispose(): void {
    this.controller.dispose();
  }

  private included(request: vscode.TestRunRequest): vscode.TestItem[] {
    const all = [...this.items.values()];
    const chosen = request.include ? all.filter((i) => request.include?.some((r) => r.id === i.id)) : all;
    return chosen.filter((i) => !request.exclude?.some((r) => r.id === i.id));
  }

  private report(run: vscode.TestRun, labDir: vscode.Uri, report: CheckReport, items: readonly vscode.TestItem[]): void {
    for (const t of report.tasks) {
      const item = this.items.get(t.id);
      if (!item || !items.includes(item)) continue;
      this.place(item, labDir, t);
      const message = new vscode.TestMessage(t.hint ? `[${t.hint}] ${t.message}` : t.message);
      if (t.location) message.location = new vscode.Location(vscode.Uri.joinPath(labDir, t.location.file), rangeAt(t.location));
      switch (t.status) {
        case 'pass': run.passed(item); this.lastResults.set(t.id, 'passed'); break;
        case 'fail': run.failed(item, message); this.lastResults.set(t.id, 'failed'); break;
        case 'error':
        case 'timeout': run.errored(item, message); this.lastResults.set(t.id, 'errored'); break;
        case 'todo': run.skipped(item); this.lastResults.set(t.id, 'skipped'); break;
      }
    }
  }

  /** Test items live at their function, so the editor shows a run/status glyph next to it. */
  private place(item: vscode.TestItem, labDir: vscode.Uri, t: TaskReport): void {
    if (!t.location) return;
    const uri = vscode.Uri.joinPath(labDir, t.location.file);
    if (item.uri?.toString() === uri.toString()) {
      item.range = rangeAt(t.location);
      return;
    }
    // A TestItem's uri is fixed at creation: replace the item when the function moved to another file.
    const moved = this.controller.createTestItem(item.id, item.label, uri);
    moved.description = item.description;
    moved.range = rangeAt(t.location);
    this.controller.items.replace([...this.items.values()].map((i) => (i === item ? moved : i)));
    this.items.set(t.id, moved);
  }
}

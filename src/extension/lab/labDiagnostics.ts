import * as vscode from 'vscode';
import type { SourceLocation } from '../../checker/location';
import type { CheckReport, TaskReport } from '../../checker/report';

/** Each task that does not pass becomes a diagnostic in the Problems view, at the function concerned. */
export function labDiagnostics(labDir: vscode.Uri, report: CheckReport): Map<string, vscode.Diagnostic[]> {
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const t of report.tasks) {
    if (t.status === 'pass') continue;
    const uri = vscode.Uri.joinPath(labDir, t.location?.file ?? 'rnn.ts');
    const d = new vscode.Diagnostic(rangeAt(t.location), `${t.id}: ${t.message}`, severityOf(t));
    d.source = 'RNN Lab';
    d.code = t.hint ?? t.status;
    const list = byFile.get(uri.toString()) ?? [];
    list.push(d);
    byFile.set(uri.toString(), list);
  }
  return byFile;
}

/** The location as a range covering the word there (a function name, usually). */
export function rangeAt(loc: SourceLocation | null): vscode.Range {
  const line = Math.max(0, (loc?.line ?? 1) - 1);
  const col = Math.max(0, (loc?.column ?? 1) - 1);
  return new vscode.Range(line, col, line, col + 1);
}

function severityOf(t: TaskReport): vscode.DiagnosticSeverity {
  return t.status === 'todo' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Error;
}

/** Widens a one-character range to the identifier under it, once the document is available. */
export async function widenToWord(uri: vscode.Uri, d: vscode.Diagnostic): Promise<void> {
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const word = doc.getWordRangeAtPosition(d.range.start);
    if (word) d.range = word;
  } catch {
    // The file is gone or unreadable: keep the one-character range.
  }
}

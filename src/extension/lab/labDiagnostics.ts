import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { CheckReport, SourceLocation, TaskReport } from '../../checker';

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

/**
 * Widens a one-character range to the identifier there, in the file as it is on disk: that is the
 * text the checker compiled (an open editor may still show older or unsaved text).
 */
export function widenToWord(uri: vscode.Uri, d: vscode.Diagnostic): void {
  let text: string;
  try {
    text = readFileSync(uri.fsPath, 'utf8');
  } catch {
    return; // The file is gone or unreadable: keep the one-character range.
  }
  const line = text.split(/\r?\n/)[d.range.start.line] ?? '';
  const isWord = (ch: string | undefined): boolean => ch !== undefined && /[\w$]/.test(ch);
  let start = d.range.start.character, end = start;
  if (!isWord(line[start])) return;
  while (start > 0 && isWord(line[start - 1])) start--;
  while (isWord(line[end])) end++;
  d.range = new vscode.Range(d.range.start.line, start, d.range.start.line, end);
}

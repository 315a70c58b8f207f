import * as vscode from 'vscode';
import type { ExportFormat, ExportResultMessage } from '../../protocol';

/**
 * Saves an export where the user chooses. Choosing a file that exists already makes the save
 * dialog itself ask before replacing it (the native dialogs and VS Code's own simple dialog both
 * do; the UI test checks the latter), so nothing is overwritten silently and nobody is asked twice.
 */
export async function saveExport(format: ExportFormat, suggestedName: string, data: string, near: vscode.Uri | undefined): Promise<ExportResultMessage> {
  const base = near ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const safeName = suggestedName.replace(/[^\w.-]+/g, '-');
  const target = await vscode.window.showSaveDialog({
    defaultUri: base ? vscode.Uri.joinPath(base, safeName) : undefined,
    filters: format === 'png' ? { 'PNG image': ['png'] } : { 'CSV table': ['csv'] },
    saveLabel: `Export ${format.toUpperCase()}`,
  });
  if (!target) return { type: 'exportResult', format, outcome: 'cancelled', message: 'Export cancelled.' };
  try {
    await vscode.workspace.fs.writeFile(target, bytesOf(format, data));
    return { type: 'exportResult', format, outcome: 'saved', message: `Saved ${vscode.workspace.asRelativePath(target)}.` };
  } catch (e) {
    return { type: 'exportResult', format, outcome: 'failed', message: `Could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}. Choose another folder.` };
  }
}

function bytesOf(format: ExportFormat, data: string): Uint8Array {
  if (format === 'csv') return new TextEncoder().encode(data);
  const comma = data.indexOf(',');
  if (!data.startsWith('data:image/png;base64,') || comma < 0) throw new Error('the chart did not come as a PNG data URL');
  return Buffer.from(data.slice(comma + 1), 'base64');
}

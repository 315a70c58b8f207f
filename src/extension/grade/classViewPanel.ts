import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { formatCsv, type Gradebook } from '../../checker/host/grade/gradebook';
import type { ClassViewData, ClassViewToHost, HostToClassView } from '../../protocol';
import { webviewHtml, webviewOptions } from '../plots/webviewHtml';

export const CLASS_VIEW_TYPE = 'rnnLab.classView';

/**
 * The class view: one panel per grading run, drawn by dist/webview/class.js from plain data. The
 * host posts nothing before the webview's `ready` (and posts it again after a reload); Export CSV
 * writes the same file as `rnn-lab grade --csv`, where the user chooses. Nothing leaves the machine.
 */
export function openClassView(extensionUri: vscode.Uri, view: ClassViewData, gradebook: Gradebook): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel(CLASS_VIEW_TYPE, `Class: ${view.folder}`, vscode.ViewColumn.Active, webviewOptions(extensionUri));
  panel.webview.html = webviewHtml(panel.webview, extensionUri, 'class', `RNN Lab class view: ${view.folder}`);
  const post = (message: HostToClassView): void => { void panel.webview.postMessage(message); };
  const subscription = panel.webview.onDidReceiveMessage(async (data: unknown) => {
    const message = asClassViewMessage(data);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        post({ type: 'showClass', view });
        return;
      case 'exportClassCsv':
        post(await exportCsv(gradebook, view.folder));
        return;
      case 'webviewError':
        void vscode.window.showWarningMessage(`RNN Lab class view: ${message.message}`);
        return;
      default: {
        const unknownMessage: never = message;
        throw new Error(`unknown message ${JSON.stringify(unknownMessage)}`);
      }
    }
  });
  panel.onDidDispose(() => subscription.dispose());
  return panel;
}

/** The webview's message, or null when it does not fit the protocol (then it is ignored). */
function asClassViewMessage(data: unknown): ClassViewToHost | null {
  if (typeof data !== 'object' || data === null) return null;
  const { type, message } = data as { type?: unknown; message?: unknown };
  if (type === 'ready' || type === 'exportClassCsv') return { type };
  if (type === 'webviewError' && typeof message === 'string') return { type, message: message.slice(0, 500) };
  return null;
}

async function exportCsv(gradebook: Gradebook, folder: string): Promise<HostToClassView> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  // Named after the class folder itself (its last segment), wherever it lies.
  const name = folder.split(/[\\/]/).filter(Boolean).pop() ?? 'class';
  const target = await vscode.window.showSaveDialog({
    title: 'RNN Lab: save the gradebook as CSV',
    filters: { CSV: ['csv'] },
    defaultUri: base ? vscode.Uri.joinPath(base, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}-grades.csv`) : undefined,
  });
  if (!target) return { type: 'classExportResult', outcome: 'cancelled', message: 'Not saved.' };
  try {
    await writeFile(target.fsPath, formatCsv(gradebook));
    return { type: 'classExportResult', outcome: 'saved', message: `Saved ${vscode.workspace.asRelativePath(target)}.` };
  } catch (e) {
    return { type: 'classExportResult', outcome: 'failed', message: `Could not save ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

import * as path from 'node:path';
import * as vscode from 'vscode';
import { scaffoldLab, type ScaffoldResult } from '../../checker';

/**
 * RNN Lab: Scaffold Lab Files. Asks where (an `rnn-lab` folder in a workspace folder, or any folder),
 * writes the lab without overwriting anything, says what it kept, and opens README.md and rnn.ts.
 * A folder Uri argument skips the question (tests, menus).
 */
export async function scaffoldCommand(extensionPath: string, target?: vscode.Uri): Promise<ScaffoldResult | undefined> {
  const dir = target ?? (await askWhere());
  if (!dir) return undefined;
  let result: ScaffoldResult;
  try {
    result = scaffoldLab(dir.fsPath, { templateDir: path.join(extensionPath, 'media', 'lab-template') });
  } catch (e) {
    void vscode.window.showErrorMessage(`RNN Lab could not write the lab into ${dir.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const where = vscode.workspace.asRelativePath(dir);
  const kept = result.kept.length > 0 ? ` Kept your existing ${result.kept.join(', ')} (never overwritten).` : '';
  void vscode.window.showInformationMessage(
    result.written.length > 0 ? `RNN Lab: wrote ${result.written.join(', ')} into ${where}.${kept}` : `RNN Lab: the lab in ${where} is already complete.${kept}`,
  );
  const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'README.md'));
  await vscode.window.showTextDocument(readme, { preview: false, viewColumn: vscode.ViewColumn.One });
  const rnn = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'rnn.ts'));
  await vscode.window.showTextDocument(rnn, { preview: false, viewColumn: vscode.ViewColumn.One });
  return result;
}

async function askWhere(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const choose = { label: '$(folder-opened) Choose a folder…', uri: undefined as vscode.Uri | undefined };
  const items = [...folders.map((f) => ({ label: `$(new-folder) ${path.join(f.name, 'rnn-lab')}`, description: 'new folder in the workspace', uri: vscode.Uri.joinPath(f.uri, 'rnn-lab') })), choose];
  const picked = folders.length > 0 ? await vscode.window.showQuickPick(items, { title: 'RNN Lab: where should the lab files go?', placeHolder: 'Existing files are never overwritten', ignoreFocusOut: true }) : choose;
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Scaffold the lab here', defaultUri: folders[0]?.uri });
  return chosen?.[0];
}

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { cspMetaTags, panelCompilesWasm } from './webviewCsp';

/** The folders a panel may load from: the bundles and the media, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The page of a panel: one bundle (`dist/webview/<bundle>.js`) under the strict policy of `cspMetaTags`.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: 'plot' | 'demo' | 'class', title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.js`));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
${cspMetaTags(webview.cspSource, nonce, { wasm: panelCompilesWasm(bundle) })}
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** The folders a panel may load from: the bundles and the media, nothing else. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/**
 * The page of a panel: one bundle (`dist/webview/<bundle>.js`) under a strict Content Security
 * Policy — scripts only with this page's nonce, styles, fonts and images only from the extension,
 * no remote content, no inline script. The demo panel may also compile WebAssembly
 * ('wasm-unsafe-eval', which permits nothing else): its training demo runs on the engine's SIMD
 * kernels. The plot gains too little from them to ask for it.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: 'plot' | 'demo', title: string): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${bundle}.js`));
  const css = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'${bundle === 'demo' ? " 'wasm-unsafe-eval'" : ''}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
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

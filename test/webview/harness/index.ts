// What test/webview/*.test.ts files import.
export { openWebview, builtWebviewBundles, type WebviewOptions, type WebviewPage } from './webviewPage';
export { closeBrowser } from './chromium';

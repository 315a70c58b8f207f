// The webview harness: a built webview bundle in headless Chromium under its panel's CSP. What the
// webview tier's tests (test/webview) and the webview benchmark (bench/webviewBench.ts) import.
export { openWebview, builtWebviewBundles, type WebviewOptions, type WebviewPage } from './webviewPage';
export { closeBrowser } from './chromium';

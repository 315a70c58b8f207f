// Loads a webview (a built bundle from dist/webview/, or a whole HTML file) in real headless
// Chromium, with VS Code's `acquireVsCodeApi` replaced by a recorder, so a test can post messages in
// the way the extension host does, read what the webview posted back, look at the DOM and take
// screenshots. Files are served from the repository root under a made-up origin; nothing reaches
// the network. A bundle runs under the panels' own Content Security Policy, and any console error
// (a CSP violation is one) fails the test when the page is closed.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { cspMetaTags, panelCompilesWasm } from '../../src/extension/plots/webviewCsp';
import { browser } from './chromium';
import { installVsCodeApiStandIn } from './vscodeApiStandIn';

const ORIGIN = 'http://rnn-lab.webview.test';
const GENERATED = '/__webview__.html';
/** The theme's variables as a stylesheet: the production CSP allows no inline style. */
const THEME_CSS = '/__theme__.css';
/** Any fixed value does: the nonce only has to match between the CSP and the script tag. */
const NONCE = 'rnnLabWebviewTest';
/** Tests run from the repository root (npm scripts do). */
const ROOT = process.cwd();
const SCREENS = path.join(ROOT, 'test-results', 'screens');

/**
 * The --vscode-* theme variables VS Code sets on a webview's <html> that RNN Lab's pages read: its
 * own CSS and charts, and the webview-ui-toolkit's design tokens. Without the toolkit's, its
 * components fall back to their built-in DARK defaults (e.g. a #3c3c3c dropdown) while the text
 * follows --vscode-foreground, so on the light page a dropdown's value was dark grey on dark grey,
 * i.e. blank. Values: VS Code's Light Modern and Dark Modern themes.
 */
const THEMES = {
  light: {
    cls: 'vscode-light',
    vars: {
      foreground: '#3b3b3b', 'editor-background': '#ffffff', focusBorder: '#005fb8', 'panel-border': '#e5e5e5',
      descriptionForeground: '#3b3b3b', errorForeground: '#f85149', 'editorWarning-foreground': '#bf8803', 'textBlockQuote-background': '#f8f8f8',
      'button-background': '#005fb8', 'button-foreground': '#ffffff', 'button-hoverBackground': '#0258a8', 'button-border': '#0000001a',
      'button-secondaryBackground': '#e5e5e5', 'button-secondaryForeground': '#3b3b3b', 'button-secondaryHoverBackground': '#cccccc',
      'dropdown-background': '#ffffff', 'dropdown-border': '#cecece', 'dropdown-foreground': '#3b3b3b', 'settings-dropdownListBorder': '#cecece',
      'input-background': '#ffffff', 'input-border': '#cecece', 'input-foreground': '#3b3b3b', 'input-placeholderForeground': '#767676',
      'list-activeSelectionBackground': '#e8e8e8', 'list-activeSelectionForeground': '#000000', 'list-hoverBackground': '#f2f2f2',
      'checkbox-background': '#f8f8f8', 'checkbox-border': '#cecece', 'checkbox-foreground': '#3b3b3b',
      'badge-background': '#cccccc', 'badge-foreground': '#3b3b3b', 'progressBar-background': '#005fb8',
      'charts-blue': '#1a85ff', 'charts-orange': '#d18616', 'charts-green': '#388a34', 'charts-purple': '#652d90', 'charts-red': '#e51400', 'charts-yellow': '#bf8803',
    },
  },
  dark: {
    cls: 'vscode-dark',
    vars: {
      foreground: '#cccccc', 'editor-background': '#1f1f1f', focusBorder: '#0078d4', 'panel-border': '#2b2b2b',
      descriptionForeground: '#9d9d9d', errorForeground: '#f85149', 'editorWarning-foreground': '#cca700', 'textBlockQuote-background': '#2b2b2b',
      'button-background': '#0078d4', 'button-foreground': '#ffffff', 'button-hoverBackground': '#026ec1', 'button-border': '#ffffff12',
      'button-secondaryBackground': '#313131', 'button-secondaryForeground': '#cccccc', 'button-secondaryHoverBackground': '#3c3c3c',
      'dropdown-background': '#313131', 'dropdown-border': '#3c3c3c', 'dropdown-foreground': '#cccccc', 'settings-dropdownListBorder': '#454545',
      'input-background': '#313131', 'input-border': '#3c3c3c', 'input-foreground': '#cccccc', 'input-placeholderForeground': '#989898',
      'list-activeSelectionBackground': '#04395e', 'list-activeSelectionForeground': '#ffffff', 'list-hoverBackground': '#2a2d2e',
      'checkbox-background': '#313131', 'checkbox-border': '#3c3c3c', 'checkbox-foreground': '#cccccc',
      'badge-background': '#616161', 'badge-foreground': '#f8f8f8', 'progressBar-background': '#0078d4',
      'charts-blue': '#3794ff', 'charts-orange': '#d18616', 'charts-green': '#89d185', 'charts-purple': '#b180d7', 'charts-red': '#f14c4c', 'charts-yellow': '#cca700',
    },
  },
} as const;

/** VS Code sets these on the webview's <html>; here they come as a stylesheet, allowed by the CSP. */
function themeCss(theme: (typeof THEMES)[keyof typeof THEMES]): string {
  const vars = Object.entries(theme.vars).map(([k, v]) => `--vscode-${k}:${v}`);
  return `html{${[...vars, '--vscode-font-family:sans-serif', '--vscode-font-size:13px'].join(';')}}\n` +
    `body{background:${theme.vars['editor-background']};color:${theme.vars.foreground}}\n`;
}

export interface WebviewOptions {
  /** A browser bundle to run, relative to the repository root (e.g. dist/webview/plot.js). */
  bundle?: string;
  /** A whole HTML page to load instead, relative to the repository root. */
  htmlFile?: string;
  /** Markup for <body> when loading a bundle (default: an empty <main id="app">). */
  body?: string;
  /** Stylesheets to link, relative to the repository root (e.g. media/plot.css). */
  styles?: string[];
  /** What getState() returns before the page sets anything (restoring a hidden webview). */
  state?: unknown;
  theme?: keyof typeof THEMES;
  viewport?: { width: number; height: number };
}

export interface WebviewPage {
  page: Page;
  /** Messages the webview posted with vscode.postMessage, oldest first. */
  posted(): Promise<unknown[]>;
  /** Waits until a posted message satisfies `match` and returns it. */
  waitForPosted<T = unknown>(match: (m: T) => boolean, timeoutMs?: number): Promise<T>;
  /** Delivers a message the way the extension host's webview.postMessage does (a `message` event). */
  post(message: unknown): Promise<void>;
  /** The state last stored with setState. */
  state(): Promise<unknown>;
  /** Uncaught errors and console.error lines seen so far (a CSP violation is logged as one). */
  errors: string[];
  /** Saves test-results/screens/NAME.png (whole page, or one element) and returns the path. */
  screenshot(name: string, selector?: string): Promise<string>;
  /** Closes the page; throws when the page logged any error (tests fail on any console error). */
  close(): Promise<void>;
}

/** Built webview bundles, e.g. ['dist/webview/plot.js'] (empty before the webview is built). */
export function builtWebviewBundles(): string[] {
  const dir = path.join(ROOT, 'dist', 'webview');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => `dist/webview/${f}`);
}

/** The page a panel gets from webviewHtml: the production CSP, the stylesheets, the bundle with its nonce. */
function pageFor(options: WebviewOptions): string {
  const theme = THEMES[options.theme ?? 'light'];
  const links = [THEME_CSS.slice(1), ...(options.styles ?? [])].map((s) => `<link rel="stylesheet" href="/${s}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="UTF-8">
${cspMetaTags(ORIGIN, NONCE, { wasm: panelCompilesWasm(path.basename(options.bundle ?? '', '.js')) })}
<title>webview under test</title>${links}</head>
<body class="${theme.cls}">
${options.body ?? '<main id="app"></main>'}
<script nonce="${NONCE}" src="/${options.bundle}"></script>
</body></html>`;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.ttf': 'font/ttf', '.woff2': 'font/woff2',
};

/** Opens a webview in a fresh page. Throws a clear message when the bundle or file is missing. */
export async function openWebview(options: WebviewOptions): Promise<WebviewPage> {
  const target = options.bundle ?? options.htmlFile;
  if (!target) throw new Error('openWebview needs `bundle` (e.g. dist/webview/plot.js) or `htmlFile`');
  if (!existsSync(path.join(ROOT, target))) {
    throw new Error(`${target} does not exist${options.bundle ? ': run npm run build first' : ''}`);
  }
  const context = await (await browser()).newContext({ viewport: options.viewport ?? { width: 900, height: 600 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  // Everything is answered here; any other host would be a webview reaching for the network.
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      errors.push(`blocked network request: ${url.href}`);
      return route.abort();
    }
    if (url.pathname === GENERATED) return route.fulfill({ contentType: 'text/html', body: pageFor(options) });
    if (url.pathname === THEME_CSS) return route.fulfill({ contentType: 'text/css', body: themeCss(THEMES[options.theme ?? 'light']) });
    const file = path.join(ROOT, decodeURIComponent(url.pathname));
    if (!file.startsWith(ROOT) || !existsSync(file)) return route.fulfill({ status: 404, body: `not found: ${url.pathname}` });
    return route.fulfill({ contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.addInitScript(installVsCodeApiStandIn, options.state);
  await page.goto(options.bundle ? `${ORIGIN}${GENERATED}` : `${ORIGIN}/${options.htmlFile}`);

  const posted = () => page.evaluate(() => (window as unknown as { __rnnLabPosted: unknown[] }).__rnnLabPosted.slice());
  return {
    page,
    errors,
    posted,
    async waitForPosted<T>(match: (m: T) => boolean, timeoutMs = 5_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await posted()).find((m) => match(m as T));
        if (found !== undefined) return found as T;
        if (Date.now() > deadline) {
          throw new Error(`the webview posted no matching message within ${timeoutMs} ms; it posted: ${JSON.stringify(await posted())}`);
        }
        await page.waitForTimeout(25);
      }
    },
    async post(message: unknown) {
      await page.evaluate((data) => { window.dispatchEvent(new MessageEvent('message', { data })); }, message);
    },
    state: () => page.evaluate(() => (window as unknown as { __rnnLabState: () => unknown }).__rnnLabState()),
    async screenshot(name: string, selector?: string) {
      mkdirSync(SCREENS, { recursive: true });
      const file = path.join(SCREENS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
      if (selector) await page.locator(selector).screenshot({ path: file });
      else await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await context.close();
      if (errors.length > 0) throw new Error(`the webview logged ${errors.length} error(s):\n  ${errors.join('\n  ')}`);
    },
  };
}

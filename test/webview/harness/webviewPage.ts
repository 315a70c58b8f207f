// Loads a webview (a built bundle from dist/webview/, or a whole HTML file) in real headless
// Chromium, with VS Code's `acquireVsCodeApi` replaced by a recorder, so a test can post messages in
// the way the extension host does, read what the webview posted back, look at the DOM and take
// screenshots. Files are served from the repository root under a made-up origin; nothing reaches
// the network.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { browser } from './chromium';
import { installVsCodeApiStandIn } from './vscodeApiStandIn';

const ORIGIN = 'http://rnn-lab.webview.test';
const GENERATED = '/__webview__.html';
/** Tests run from the repository root (npm scripts do). */
const ROOT = process.cwd();
const SCREENS = path.join(ROOT, 'test-results', 'screens');

/** A few of the --vscode-* theme variables VS Code sets on a webview's <html>, so pages look right. */
const THEMES = {
  light: { fg: '#3b3b3b', bg: '#ffffff', accent: '#005fb8', border: '#e5e5e5', cls: 'vscode-light' },
  dark: { fg: '#cccccc', bg: '#1f1f1f', accent: '#0078d4', border: '#2b2b2b', cls: 'vscode-dark' },
} as const;

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
  /** Uncaught errors and console.error lines seen so far. */
  errors: string[];
  /** Saves test-results/screens/NAME.png (whole page, or one element) and returns the path. */
  screenshot(name: string, selector?: string): Promise<string>;
  close(): Promise<void>;
}

/** Built webview bundles, e.g. ['dist/webview/plot.js'] (empty before the webview is built). */
export function builtWebviewBundles(): string[] {
  const dir = path.join(ROOT, 'dist', 'webview');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => `dist/webview/${f}`);
}

function pageFor(options: WebviewOptions): string {
  const theme = THEMES[options.theme ?? 'light'];
  const links = (options.styles ?? []).map((s) => `<link rel="stylesheet" href="/${s}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en" style="--vscode-foreground:${theme.fg};--vscode-editor-background:${theme.bg};--vscode-focusBorder:${theme.accent};--vscode-panel-border:${theme.border};--vscode-font-family:sans-serif;--vscode-font-size:13px">
<head><meta charset="UTF-8"><title>webview under test</title>${links}</head>
<body class="${theme.cls}" style="background:${theme.bg};color:${theme.fg}">
${options.body ?? '<main id="app"></main>'}
<script src="/${options.bundle}"></script>
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
    close: () => context.close(),
  };
}

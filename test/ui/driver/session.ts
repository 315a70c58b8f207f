// The one browser page on the one code-server that scripts/vscode-e2e/run-ui.mjs starts for the whole
// UI tier. Every test file is bundled separately, so the session travels through a global symbol,
// not through module state.
import type { Page } from 'playwright-core';

export interface UiSession {
  /** The Chromium page showing the VS Code workbench. */
  page: Page;
  /** The workbench URL, e.g. http://127.0.0.1:PORT/?folder=... */
  url: string;
  /** The workspace folder VS Code has open (a fresh folder per run). */
  workspace: string;
  /** Where screenshot() writes PNGs (test-results/screens). */
  screensDir: string;
  /** console.error lines of every frame (workbench and webviews) so far, oldest first. */
  consoleErrors: string[];
}

const KEY = Symbol.for('rnnLab.ui.session');

export function session(): UiSession {
  const s = (globalThis as Record<symbol, UiSession | undefined>)[KEY];
  if (!s) throw new Error('no UI session: run UI tests through `npm run test:ui` (scripts/vscode-e2e/run-ui.mjs)');
  return s;
}

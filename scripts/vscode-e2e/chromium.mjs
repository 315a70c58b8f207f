// Finds playwright-core and a system Chromium, and launches it the way every browser tier here
// needs: headless, no GPU, no network chatter, a throwaway profile.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eCache } from './paths.mjs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The project's playwright-core (a devDependency), else the pinned copy install.sh puts in the cache. */
export function loadPlaywright() {
  const candidates = [import.meta.url, join(e2eCache(), 'driver', 'package.json')];
  for (const from of candidates) {
    try {
      return createRequire(from)('playwright-core');
    } catch {
      // try the next place
    }
  }
  throw new Error('playwright-core is not installed: run `npm ci` (or bash scripts/vscode-e2e/install.sh)');
}

/** Debian's chromium (or $CHROMIUM); playwright's own browser download is not possible offline. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p && existsSync(p)) return p;
    } catch {
      // not on PATH
    }
  }
  throw new Error('no Chromium found: run bash scripts/vscode-e2e/install.sh (apt chromium) or set CHROMIUM=/path/to/chrome');
}

/** Launches headless Chromium with a fresh profile; `close()` also removes the profile. */
export async function launchChromium({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'rnnlab-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, viewport,
  });
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true });
    } catch {
      // the browser may still be writing while the process dies: leaving a temp folder is harmless
    }
  };
  // Also on Ctrl+C / process.exit (registered after playwright's own handler, which kills the browser).
  process.once('exit', removeProfile);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    removeProfile();
  };
  return { context, page, close };
}

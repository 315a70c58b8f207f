// Finds playwright-core and a system Chromium, and launches it the way every browser tier here
// needs: headless, no GPU, no network chatter, a throwaway profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eCache } from './paths.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './findChromium.mjs';

export { CHROMIUM_ARGS, chromiumPath };

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

// One headless Debian Chromium per test process, found on PATH (playwright cannot download its own
// browser offline). scripts/vscode-e2e/install.sh installs it with apt.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

function chromiumPath(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p && existsSync(p)) return p;
    } catch {
      // not on PATH: try the next name
    }
  }
  throw new Error('no Chromium found: run bash scripts/vscode-e2e/install.sh (apt chromium) or set CHROMIUM=/path/to/chrome');
}

let shared: Promise<Browser> | undefined;

/** The process-wide browser (launched on first use). */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: chromiumPath(), headless: true, args: ARGS });
  return shared;
}

/** Closes the process-wide browser; call it from an `after` hook. */
export async function closeBrowser(): Promise<void> {
  if (!shared) return;
  const b = await shared;
  shared = undefined;
  await b.close();
}

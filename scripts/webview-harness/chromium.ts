// One headless Debian Chromium per test process, found on PATH (playwright cannot download its own
// browser offline). scripts/vscode-e2e/install.sh installs it with apt.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../vscode-e2e/findChromium.mjs';

let shared: Promise<Browser> | undefined;

/** The process-wide browser (launched on first use). */
export function browser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  return shared;
}

/** Closes the process-wide browser; call it from an `after` hook. */
export async function closeBrowser(): Promise<void> {
  if (!shared) return;
  const b = await shared;
  shared = undefined;
  await b.close();
}

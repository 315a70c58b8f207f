// Waiting until the workbench is really usable: the DOM appears long before extensions are scanned,
// and a palette opened too early answers "No matching commands".
import type { Page } from 'playwright-core';
import { session } from './session';

/** The activity-bar entry of the RNN Lab container (its aria-label starts with the title). */
export function rnnLabActivityItem(page: Page = session().page) {
  return page.locator('.activitybar .action-item a[aria-label^="RNN Lab"]').first();
}

const READY = Symbol.for('rnnLab.ui.ready');

/**
 * Resolves once the workbench is restored and RNN Lab's contribution is on screen. Memoised for the
 * whole run: only the first caller pays for the workbench start (~15 s on 2 cores).
 */
export function workbenchReady(timeoutMs = 120_000): Promise<Page> {
  const g = globalThis as Record<symbol, Promise<Page> | undefined>;
  g[READY] ??= (async () => {
    const { page } = session();
    await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await rnnLabActivityItem(page).waitFor({ timeout: timeoutMs });
    return page;
  })();
  return g[READY];
}

/** Reloads the window (as "Developer: Reload Window" does) and waits until it is usable again. */
export async function reloadWorkbench(timeoutMs = 120_000): Promise<Page> {
  const g = globalThis as Record<symbol, Promise<Page> | undefined>;
  g[READY] = undefined;
  await session().page.reload();
  return workbenchReady(timeoutMs);
}

// The RNN Lab side bar: the activity-bar entry, its view pane and the tree rows in it.
import type { Locator } from 'playwright-core';
import { session } from './session';
import { rnnLabActivityItem, workbenchReady } from './workbench';

/** The side bar part (whatever container it shows). */
export function sideBar(): Locator {
  return session().page.locator('.part.sidebar');
}

/** Opens the RNN Lab container by clicking its activity-bar icon (only if not already open). */
export async function openRnnLabSidebar(timeoutMs = 20_000): Promise<Locator> {
  await workbenchReady();
  // Clicking the entry of the container already shown would hide the side bar: click only if needed.
  const open = await sideBar().locator('.composite.title', { hasText: 'RNN Lab' }).isVisible().catch(() => false);
  if (!open) await rnnLabActivityItem().click();
  await sideBar().locator('.composite.title', { hasText: 'RNN Lab' }).waitFor({ timeout: timeoutMs });
  return sideBar();
}

/** The rows of the tree in the side bar (`.monaco-list-row`), optionally only those with some text. */
export function treeRows(hasText?: string | RegExp): Locator {
  const rows = sideBar().locator('.monaco-list-row');
  return hasText === undefined ? rows : rows.filter({ hasText });
}

/** The visible text of every tree row, in order (waits for at least `atLeast` rows). */
export async function treeRowTexts(atLeast = 1, timeoutMs = 20_000): Promise<string[]> {
  if (atLeast > 0) await treeRows().nth(atLeast - 1).waitFor({ timeout: timeoutMs });
  return treeRows().allInnerTexts();
}

/**
 * The first tree row with this text, scrolled into view. Trees render only the rows inside their
 * viewport, so a row below the fold is not in the DOM until the list is scrolled to it.
 */
export async function revealRow(hasText: string | RegExp, timeoutMs = 10_000): Promise<Locator> {
  const { page } = session();
  const row = treeRows(hasText).first();
  const deadline = Date.now() + timeoutMs;
  const lists = sideBar().locator('.monaco-list');
  for (;;) {
    if (await row.count()) {
      await row.scrollIntoViewIfNeeded();
      return row;
    }
    if (Date.now() > deadline) {
      throw new Error(`no tree row matching ${String(hasText)} in the side bar; rows shown: ${JSON.stringify(await treeRows().allInnerTexts())}`);
    }
    // Walk every list in the side bar from its top down, a screenful at a time.
    const n = await lists.count();
    for (let i = 0; i < n && !(await row.count()); i++) {
      await lists.nth(i).hover();
      await page.mouse.wheel(0, -100_000);
      for (let step = 0; step < 20 && !(await row.count()); step++) {
        await page.mouse.wheel(0, 150);
        await page.waitForTimeout(50);
      }
    }
    await page.waitForTimeout(200);
  }
}

/** Expands a collapsed tree row by clicking its twistie. */
export async function expandRow(hasText: string | RegExp): Promise<void> {
  const row = await revealRow(hasText);
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
}

// Running commands the way a user does: F1, type the title, Enter on the highlighted row.
import { session } from './session';
import { workbenchReady } from './workbench';

/**
 * Runs a command by its exact palette title, e.g. "RNN Lab: Open Lesson": F1, type the title, then
 * pick the row whose label is exactly that title (fuzzy matching may rank a longer title first, e.g.
 * "Open Locked Preview to the Side" above "Open Preview to the Side").
 */
export async function runCommand(title: string, timeoutMs = 15_000): Promise<void> {
  await workbenchReady();
  const { page } = session();
  const input = page.locator('.quick-input-widget input.input');
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const deadline = Date.now() + timeoutMs;
  let labels: string[] = [];
  // The palette lists the commands whose `when` clause holds at the moment it opens (e.g. an editor
  // that just opened may not have set editorLangId yet): reopen it until the command shows.
  for (;;) {
    await openPalette(timeoutMs);
    await input.fill(`>${title}`);
    const attemptEnd = Math.min(deadline, Date.now() + 3_000);
    for (;;) {
      // A row's first line is its label; key bindings and "recently used" follow on other lines.
      labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
      const index = labels.indexOf(title);
      if (index >= 0) {
        await rows.nth(index).click();
        await paletteClosed(`>${title}`, timeoutMs);
        return;
      }
      if (Date.now() > attemptEnd) break;
      await page.waitForTimeout(100);
    }
    await page.keyboard.press('Escape');
    if (Date.now() > deadline) {
      throw new Error(`command "${title}" is not in the palette; it offered: ${JSON.stringify(labels.slice(0, 8))}`);
    }
  }
}

/**
 * Puts keyboard focus back on the workbench by clicking an empty spot of the title bar. A key
 * press made while focus is inside a webview (a preview or panel that just opened and took focus)
 * may never reach the workbench's key bindings; a click on the workbench itself always moves focus.
 */
export async function focusWorkbench(): Promise<void> {
  await session().page.locator('.part.titlebar').click({ position: { x: 200, y: 10 } });
}

/** Opens the command palette (its input is then visible): focus on the workbench, then F1. */
export async function openPalette(timeoutMs = 15_000): Promise<void> {
  const { page } = session();
  await focusWorkbench();
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input.input').waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * The palette is gone: hidden, or replaced by the command's own quick pick / input box (the same
 * widget, with a different value), so commands that ask something can be answered next.
 */
async function paletteClosed(typed: string, timeoutMs: number): Promise<void> {
  await session().page.waitForFunction((value) => {
    const widget = document.querySelector<HTMLElement>('.quick-input-widget');
    if (!widget || getComputedStyle(widget).display === 'none') return true;
    const input = widget.querySelector<HTMLInputElement>('input.input');
    return !input || input.value !== value;
  }, typed, { timeout: timeoutMs });
}

/** Answers an open quick pick (showQuickPick / showInputBox) by typing and pressing Enter. */
export async function answerQuickInput(text: string, timeoutMs = 15_000): Promise<void> {
  const { page } = session();
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** Opens a workspace file in an editor through Quick Open (Ctrl+P), e.g. "README.md". */
export async function openFile(relativePath: string, timeoutMs = 15_000): Promise<void> {
  await workbenchReady();
  const { page } = session();
  await focusWorkbench();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(relativePath);
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: timeoutMs });
  // The language indicator appears once the editor has its model (and editorLangId is set).
  await page.locator('[id="status.editor.mode"]').waitFor({ timeout: timeoutMs });
}

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
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A row's first line is its label; key bindings and "recently used" follow on other lines.
    const labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
    const index = labels.indexOf(title);
    if (index >= 0) {
      await rows.nth(index).click();
      break;
    }
    if (Date.now() > deadline) {
      await page.keyboard.press('Escape');
      throw new Error(`command "${title}" is not in the palette; it offered: ${JSON.stringify(labels.slice(0, 8))}`);
    }
    await page.waitForTimeout(100);
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
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
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  await input.fill(relativePath);
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: timeoutMs });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: timeoutMs });
}

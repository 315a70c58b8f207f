// Messages from showInformationMessage / showWarningMessage / showErrorMessage, as the user sees them.
import { runCommand } from './palette';
import { session } from './session';

const MESSAGE = '.notification-list-item-message';

/** Texts of the notifications on screen (toasts), else those in the notification center. */
export async function notificationTexts(): Promise<string[]> {
  const { page } = session();
  const toasts = await page.locator(`.notification-toast ${MESSAGE}`).allInnerTexts();
  if (toasts.length) return toasts;
  return centerTexts();
}

async function centerTexts(): Promise<string[]> {
  const { page } = session();
  const center = page.locator('.notifications-center');
  if (!(await center.isVisible().catch(() => false))) {
    await page.locator('.statusbar [aria-label^="Notifications"], .statusbar [aria-label^="No Notifications"]').first().click();
  }
  const texts = await center.locator(MESSAGE).allInnerTexts();
  await page.keyboard.press('Escape');
  return texts;
}

/** Waits until a notification containing `text` is shown (toast or center) and returns its full text. */
export async function waitForNotification(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const { page } = session();
  const matches = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const toast = (await page.locator(`.notification-toast ${MESSAGE}`).allInnerTexts()).find(matches);
    if (toast) return toast;
    if (Date.now() > deadline) {
      const inCenter = (await centerTexts()).find(matches);
      if (inCenter) return inCenter;
      throw new Error(`no notification matching ${String(text)} within ${timeoutMs} ms`);
    }
    await page.waitForTimeout(200);
  }
}

/** Clears every notification (toasts and center), so the next test starts clean. */
export async function clearNotifications(): Promise<void> {
  await runCommand('Notifications: Clear All Notifications');
}

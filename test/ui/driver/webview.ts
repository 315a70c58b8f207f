// Webviews live two iframes deep: the workbench's <iframe class="webview ready"> hosts an inner
// <iframe id="active-frame"> with the extension's HTML.
import type { FrameLocator } from 'playwright-core';
import { session } from './session';

/**
 * The content frame of the visible webview whose HTML contains `selector` (waits for it). With
 * several webviews open (a panel and a sidebar view), the selector tells them apart.
 */
export async function webviewFrame(selector: string, timeoutMs = 30_000): Promise<FrameLocator> {
  const { page } = session();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outer = page.locator('iframe.webview.ready');
    const n = await outer.count();
    for (let i = 0; i < n; i++) {
      const inner = page.frameLocator('iframe.webview.ready').nth(i).frameLocator('#active-frame');
      if (await inner.locator(selector).count().catch(() => 0)) return inner;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows "${selector}" after ${timeoutMs} ms (${n} webview frames open)`);
    await page.waitForTimeout(250);
  }
}

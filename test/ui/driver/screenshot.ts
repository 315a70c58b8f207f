// PNG screenshots under test-results/screens/, for people to look at (CI keeps the folder).
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { session } from './session';

/** Screenshot of the whole workbench, or of one element; returns the file path. */
export async function screenshot(name: string, element?: Locator): Promise<string> {
  const file = path.join(session().screensDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  if (element) await element.screenshot({ path: file });
  else await session().page.screenshot({ path: file });
  return file;
}

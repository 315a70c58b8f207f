// Where the system Chromium is and how every browser tier launches it: headless, no GPU, no network
// chatter. Plain ESM without import.meta, so the TypeScript test harnesses can bundle it too.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Debian's chromium (or $CHROMIUM); playwright's own browser download is not possible offline. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const p = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (p && existsSync(p)) return p;
    } catch {
      // not on PATH
    }
  }
  throw new Error('no Chromium found: run bash scripts/vscode-e2e/install.sh (apt chromium) or set CHROMIUM=/path/to/chrome');
}

// Where the harness keeps things, for the Node side (env.sh is the shell side of the same facts).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';

export const scriptsDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(scriptsDir, '..', '..');

export function e2eCache() {
  if (process.env.RNN_LAB_E2E_CACHE) return process.env.RNN_LAB_E2E_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rnn-lab', 'vscode-e2e');
}

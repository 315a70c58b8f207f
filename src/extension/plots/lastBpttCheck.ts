import { partLabel } from '../../checker';
import type { LastBpttCheck } from '../../protocol';

/**
 * What the last check said about bptt, for the plot (pure, no vscode import: unit-tested on the
 * checker's real reports): null when it passed or was not checked (or is still a to-do). The part
 * is the one the checker found furthest off, in the lesson's notation (`grads.Whh` → "dWhh"), or
 * null when it named none (a crash, a timeout).
 */
export function lastBpttCheck(entry: { readonly state: string; readonly parts: readonly string[] }): LastBpttCheck | null {
  if (entry.state === 'pass' || entry.state === 'unchecked' || entry.state === 'todo') return null;
  const first = entry.parts[0];
  return { status: entry.state, part: first === undefined ? null : partLabel('bptt', first) };
}

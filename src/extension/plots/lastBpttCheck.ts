import type { LastBpttCheck } from '../../protocol';

/**
 * What the last check said about bptt, for the plot (pure, no vscode import: unit-tested on the
 * checker's real messages): null when it passed or was not checked (or
 * is still a to-do). The part is the gradient the checker's message names first ("dWhh[2][0]
 * should be …" → "dWhh"), or null when the message names none (a crash, a wrong shape of the result).
 */
export function lastBpttCheck(entry: { readonly state: string; readonly message: string }): LastBpttCheck | null {
  if (entry.state === 'pass' || entry.state === 'unchecked' || entry.state === 'todo') return null;
  const part = /^(loss|dhs|d(?:Wxh|Whh|bh|Why|by))\b/.exec(entry.message)?.[1] ?? null;
  return { status: entry.state, part };
}

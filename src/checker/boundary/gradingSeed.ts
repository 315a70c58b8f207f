import { randomInt } from 'node:crypto';

/**
 * The seed of a grading run's problems. Drawn from the operating system's cryptographic generator,
 * so students cannot know it in advance (a table of recorded answers does not pass); `--seed N`
 * repeats a run, and the gradebook records which seed a run used and where it came from.
 * The range is the engine's `createRng` seed range (a 32-bit unsigned integer).
 */
export const MAX_GRADING_SEED = 0xffffffff;

export interface GradingSeed {
  readonly seed: number;
  /** `drawn`: chosen by this run; `given`: passed with --seed. */
  readonly source: 'drawn' | 'given';
}

export function drawGradingSeed(): GradingSeed {
  return { seed: randomInt(0, MAX_GRADING_SEED + 1), source: 'drawn' };
}

export type SeedParse = { readonly ok: true; readonly seed: GradingSeed } | { readonly ok: false; readonly message: string };

/** Parses the value of `--seed`: decimal digits only (no sign, exponent, hex or spaces), 0..2^32−1. */
export function parseGradingSeed(text: string): SeedParse {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (!/^[0-9]{1,10}$/.test(text)) {
    return { ok: false, message: `--seed must be a whole number from 0 to ${MAX_GRADING_SEED} written in decimal digits (got "${shown}")` };
  }
  const seed = Number(text);
  if (seed > MAX_GRADING_SEED) return { ok: false, message: `--seed must be at most ${MAX_GRADING_SEED} (got ${shown})` };
  return { ok: true, seed: { seed, source: 'given' } };
}

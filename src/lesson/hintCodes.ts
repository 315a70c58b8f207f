/**
 * The checker's hint codes (contracts §2): each names a known mistake. Pitfalls in the lesson point
 * at these codes, and the checker sets them when it recognises the mistake in a student's numbers.
 */
export const HINT_CODES = [
  'weights-not-shared',
  'missing-recurrent-path',
  'tanh-derivative',
  'off-by-one',
  'clip-per-parameter',
  'clip-scales-up',
  'unclipped-update',
  'mutates-input',
  'wrong-shape',
  'non-finite',
] as const;

export type HintCode = (typeof HINT_CODES)[number];

/** One line per code, as the contract describes the mistake. */
export const HINT_DESCRIPTIONS: Readonly<Record<HintCode, string>> = {
  'weights-not-shared': "a shared weight's gradient is not summed over all time steps (e.g. only one step's contribution kept)",
  'missing-recurrent-path': 'dL/dh_t misses the path through later steps (only the output at step t counted)',
  'tanh-derivative': 'wrong derivative of tanh (e.g. 1 − a² on the pre-activation, or 1 − h)',
  'off-by-one': 'the outer product for dWhh uses h_t where h_{t−1} belongs (or h0 is skipped)',
  'clip-per-parameter': 'each gradient clipped by its own norm instead of the global norm',
  'clip-scales-up': 'gradients rescaled even when the norm is already ≤ maxNorm',
  'unclipped-update': 'trainStep updates with unclipped gradients (or clips after the update)',
  'mutates-input': 'the function changed one of its arguments',
  'wrong-shape': 'a returned array has the wrong length or nesting',
  'non-finite': 'a returned number is NaN or ±Infinity where the reference is finite',
};

export function isHintCode(value: string): value is HintCode {
  return (HINT_CODES as readonly string[]).includes(value);
}

/**
 * The checker's hint codes (part of the `rnn-lab check --json` report): each names a known mistake. Pitfalls in the lesson point
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
  'truncated-bptt',
  'loss-scale',
  'clip-by-value',
  'stateful',
] as const;

export type HintCode = (typeof HINT_CODES)[number];

/** One line per code, as docs/lab-api.md describes the mistake. */
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
  'non-finite': 'a returned number is NaN or ±Infinity where the reference is finite (e.g. a hand-written tanh that overflows on large pre-activations)',
  'truncated-bptt': 'the gradient is right near each loss but wrong far from it: backpropagation stops after a fixed number of steps',
  'loss-scale': 'the loss and gradients are off by a constant factor (e.g. averaged over the steps instead of summed, or the ½ dropped)',
  'clip-by-value': 'every entry clamped to ±maxNorm instead of rescaling by the global norm',
  'stateful': 'a call\'s result depends on an earlier call (e.g. a hidden state kept between calls instead of starting from h0)',
};

export function isHintCode(value: string): value is HintCode {
  return (HINT_CODES as readonly string[]).includes(value);
}

import type { HintCode } from './hintCodes';
import type { LabTaskId } from './labTasks';

/**
 * Common pitfalls to pre-empt (the plan leaves this heading empty). Each is tied to the lab task it
 * concerns and to the checker hint code that recognises it, so a failed check can point back here.
 */
export interface Pitfall {
  readonly id: string;
  readonly task: LabTaskId;
  readonly hint: HintCode;
  /** The mistake, as a student would make it. */
  readonly title: string;
  /** What to do instead, and why. */
  readonly fix: string;
}

export const PITFALLS: readonly Pitfall[] = [
  {
    id: 'pitfall.weightsNotShared', task: 'bptt', hint: 'weights-not-shared',
    title: 'Keeping only one step\'s gradient for a shared weight (Wxh, Whh, bh, Why or by)',
    fix: 'All five parameters are shared across time, the output layer Why, by included, so each gradient is summed over every step: accumulate with += inside the backward loop.',
  },
  {
    id: 'pitfall.missingRecurrentPath', task: 'bptt', hint: 'missing-recurrent-path',
    title: 'dL/dh_t taken only from the output at step t',
    fix: 'h_t also feeds step t+1: add the gradient coming back from the later steps (dhNext = Whhᵀ·da_{t+1}, with da = dL/da the gradient at the pre-activation) before going through tanh.',
  },
  {
    id: 'pitfall.tanhDerivative', task: 'bptt', hint: 'tanh-derivative',
    title: 'Using 1 − a² on the pre-activation, or 1 − h',
    fix: 'tanh\'(a) = 1 − tanh(a)² = 1 − h²: square the stored hidden state h, not the pre-activation a.',
  },
  {
    id: 'pitfall.offByOne', task: 'bptt', hint: 'off-by-one',
    title: 'dWhh built from h_t instead of h_{t−1}',
    fix: 'Whh multiplies the previous hidden state, so dWhh += da_t·h_{t−1}ᵀ; at t = 1 that previous state is h_0, the argument h0.',
  },
  {
    id: 'pitfall.clipPerParameter', task: 'clipGradNorm', hint: 'clip-per-parameter',
    title: 'Clipping each gradient by its own norm',
    fix: 'Compute ONE norm over every entry of all five gradients, then scale all of them by the same factor maxNorm / norm.',
  },
  {
    id: 'pitfall.clipScalesUp', task: 'clipGradNorm', hint: 'clip-scales-up',
    title: 'Rescaling gradients that are already small enough',
    fix: 'Scale only when norm > maxNorm; otherwise return the gradients unchanged (scaling up would amplify noise).',
  },
  {
    id: 'pitfall.unclippedUpdate', task: 'trainStep', hint: 'unclipped-update',
    title: 'Updating with the unclipped gradients',
    fix: 'Clip first, then update θ − lr·g with the clipped gradients; report the norm measured before clipping.',
  },
  {
    id: 'pitfall.mutatesInput', task: 'trainStep', hint: 'mutates-input',
    title: 'Updating the parameters in place',
    fix: 'Return new arrays (e.g. map over rows) instead of writing p.Whh[i][j] -= …: the caller still needs the old parameters.',
  },
  {
    id: 'pitfall.wrongShape', task: 'forward', hint: 'wrong-shape',
    title: 'Putting h0 into hs, so hs has T + 1 entries',
    fix: 'Steps are t = 1..T and array index i holds step t = i + 1: hs[i] = h_{i+1} is the state after reading xs[i]. hs and ys have exactly T entries each; h_0 is the argument h0, only the starting point.',
  },
  {
    id: 'pitfall.nonFinite', task: 'rnnStep', hint: 'non-finite',
    title: 'Building tanh from Math.exp by hand',
    fix: 'A tanh written with Math.exp overflows: (e^{2a} − 1)/(e^{2a} + 1) is Infinity/Infinity = NaN once e^{2a} overflows (a > 354.9, which the check\'s saturating input reaches), '
      + 'and (e^a − e^−a)/(e^a + e^−a) once |a| > 709.8. Math.tanh is accurate to about an ulp and finite for every finite input: use it.',
  },
  {
    id: 'pitfall.truncatedBptt', task: 'bptt', hint: 'truncated-bptt',
    title: 'Stopping backpropagation after a fixed number of steps',
    fix: 'Full BPTT carries dL/dh_t back through every step to t = 1: the gradient reaching a far step may be tiny (that is the vanishing gradient), but it is not zero. Loop back over all T steps.',
  },
  {
    id: 'pitfall.lossScale', task: 'bptt', hint: 'loss-scale',
    title: 'Averaging the loss over the steps, or dropping the ½',
    fix: 'The loss is ½ Σ_t Σ_k (y_t[k] − target_t[k])², summed over the steps that have a target, not averaged; its gradient dy_t = y_t − target_t has no extra factor.',
  },
  {
    id: 'pitfall.clipByValue', task: 'clipGradNorm', hint: 'clip-by-value',
    title: 'Clipping every entry to ±maxNorm instead of by the global norm',
    fix: 'Clamping cuts the large entries and keeps the small ones, so the clipped gradient points in another direction. '
      + 'Rescaling every entry of all five gradients by the same factor maxNorm / norm shortens the gradient and keeps its direction: clip by the global norm.',
  },
  {
    id: 'pitfall.stateful', task: 'forward', hint: 'stateful',
    title: 'Keeping the hidden state between calls',
    fix: 'Every call starts from the h0 it is given: keep h in a local variable inside the function, never in a variable outside it, so the same input always gives the same result.',
  },
];

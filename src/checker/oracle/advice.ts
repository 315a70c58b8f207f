import type { HintCode } from '../../lesson/hintCodes';
import type { LabTaskId } from '../../lesson/labTasks';
import { MISCONCEPTION } from '../../lesson/misconception';
import { PITFALLS } from '../../lesson/pitfalls';

/**
 * What to do, in the lesson's words: each hint code links to its pitfall (and weight sharing to
 * the lesson's misconception); without a hint, advice depends on the entry that was wrong.
 */
export function hintAdvice(hint: HintCode): string {
  const pitfall = PITFALLS.find((p) => p.hint === hint);
  const base = pitfall ? `${pitfall.fix} (Pitfall: ${pitfall.title}.)` : '';
  if (hint === 'weights-not-shared') {
    return `${base} Remember the lesson's misconception: "${MISCONCEPTION.belief}" No: ${MISCONCEPTION.correction}`;
  }
  if (hint === 'non-finite') {
    return `A NaN or Infinity usually comes from reading past the end of an array (x[k + 1] is undefined, and arithmetic with undefined gives NaN), a division by zero, or an overflow.${pitfall ? ` (Pitfall: ${pitfall.title}. ${pitfall.fix})` : ''}`;
  }
  return base;
}

/** Advice for a wrong entry of a task's result, by the entry's path (e.g. `grads.Whh[2][0]`). */
export function entryAdvice(task: LabTaskId, path: string): string {
  switch (task) {
    case 'rnnStep':
      return 'Compute h[i] = tanh(Σ_j Wxh[i][j]·x[j] + Σ_j Whh[i][j]·hPrev[j] + bh[i]) with Math.tanh.';
    case 'forward':
      return path.startsWith('ys')
        ? 'y_t = Why·h_t + by: the output of the state AFTER reading x_t (ys[t−1] holds y_t, for t = 1..T).'
        : 'h_t = rnnStep(p, h_{t−1}, x_t) for t = 1..T, starting from the h_0 given to THIS call, with the SAME p at every step; hs[t−1] holds h_t, so hs has exactly T entries (h_0 is not one of them).';
    case 'bptt':
      if (path === 'loss') return 'loss = ½ Σ_t Σ_k (y_t[k] − target_t[k])², summed (not averaged) over the steps whose target is not null (skip the null ones).';
      if (path.startsWith('dhs')) return 'dhs[t−1] = dL/dh_t is the TOTAL derivative: Whyᵀ·(y_t − target_t) (when step t has a target) plus Whhᵀ·da_{t+1} coming back from step t+1, all the way back to step 1, where da = dh ⊙ (1 − h²).';
      if (/^grads\.(Why|by)/.test(path)) return 'dWhy += dy_t·h_tᵀ and dby += dy_t with dy_t = y_t − target_t, summed over the steps that have a target.';
      return 'With da_t = dL/dh_t ⊙ (1 − h_t²): dWxh += da_t·x_tᵀ, dWhh += da_t·h_{t−1}ᵀ (h_0 at step 1), dbh += da_t, summed over every step t = 1..T.';
    case 'clipGradNorm':
      return path === 'norm'
        ? 'norm = sqrt of the sum of the squares of EVERY entry of all five gradients (one global norm).'
        : 'When norm > maxNorm multiply every entry of every gradient by maxNorm / norm; otherwise return them unchanged.';
    case 'trainStep':
      return path.startsWith('params')
        ? 'params = θ − lr·g, where g is the bptt gradient, clipped by the global norm when maxNorm is not null.'
        : 'loss and norm are the ones bptt and clipping compute at the OLD parameters, before the update (norm before clipping).';
  }
}

/** The lesson's name for one of a task's `TaskReport.parts`, e.g. bptt's `grads.Whh` → `dWhh`. */
export function partLabel(task: LabTaskId, part: string): string {
  return task === 'rnnStep' ? 'h' : entryLabel(task, part);
}

/**
 * The lesson's name for an entry or a part: the gradients of bptt are dWxh, dWhh, …; clipping's stay
 * grads.Whh. A step of hs, ys or dhs also gets its number t = 1..T (dhs[0] is step 1).
 */
export function entryLabel(task: LabTaskId, path: string): string {
  const named = task === 'bptt' ? path.replace(/^grads\./, 'd') : task === 'rnnStep' ? `h${path}` : path;
  const step = /^(hs|ys|dhs)\[(\d+)\]/.exec(path);
  return step ? `${named} (step t = ${Number(step[2]) + 1})` : named;
}

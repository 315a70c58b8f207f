/**
 * The five lab tasks of the student's `rnn.ts` (declared in media/lab-template/rnn.ts), in the order the checker reports
 * them. The ids are part of the `--json` report (docs/cli.md): graders rely on them.
 */
export const LAB_TASK_IDS = ['rnnStep', 'forward', 'bptt', 'clipGradNorm', 'trainStep'] as const;

export type LabTaskId = (typeof LAB_TASK_IDS)[number];

export interface LabTask {
  readonly id: LabTaskId;
  /** Short title for lists. */
  readonly title: string;
  /** What the student implements, in the lesson's notation. */
  readonly summary: string;
}

export const LAB_TASKS: readonly LabTask[] = [
  { id: 'rnnStep', title: 'One RNN step', summary: 'h = tanh(Wxh·x + Whh·hPrev + bh)' },
  { id: 'forward', title: 'Unroll the forward pass', summary: 'the SAME parameters at every step t = 1..T: h_t and y_t = Why·h_t + by, with hs[t−1] = h_t and h_0 = h0' },
  { id: 'bptt', title: 'Backpropagation through time', summary: 'the loss, dL/dθ summed over time, and dhs[t−1] = the total dL/dh_t at every step t = 1..T' },
  { id: 'clipGradNorm', title: 'Clip by the global norm', summary: 'one norm over all five gradients; rescale only when it exceeds maxNorm' },
  { id: 'trainStep', title: 'One SGD step with clipping', summary: 'bptt, then clip when maxNorm is set, then θ − lr·g' },
];

export function isLabTaskId(value: string): value is LabTaskId {
  return (LAB_TASK_IDS as readonly string[]).includes(value);
}

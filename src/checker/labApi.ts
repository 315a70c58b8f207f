import type { LabTaskId } from '../lesson/labTasks';

/** The entry file of every lab. */
export const LAB_ENTRY = 'rnn.ts';

/** The parameter names of each lab function, in order, as the lab template's rnn.ts declares them. */
export const TASK_ARGUMENTS: Readonly<Record<LabTaskId, readonly string[]>> = {
  rnnStep: ['p', 'hPrev', 'x'],
  forward: ['p', 'h0', 'xs'],
  bptt: ['p', 'h0', 'xs', 'targets'],
  clipGradNorm: ['grads', 'maxNorm'],
  trainStep: ['p', 'h0', 'xs', 'targets', 'lr', 'maxNorm'],
};

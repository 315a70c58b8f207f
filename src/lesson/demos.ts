/**
 * The instructor demos of the week. The ids are stable: `rnnLab.runDemo` accepts one as its optional
 * argument, and schedule bullets in the sidebar point at them.
 */
export const DEMO_IDS = ['train', 'gradientNorms', 'predictThenRun', 'clipping'] as const;

export type DemoId = (typeof DEMO_IDS)[number];

export interface Demo {
  readonly id: DemoId;
  /** Short title for pickers and the plot panel. */
  readonly title: string;
  /** One sentence: what the class should notice while it runs. */
  readonly lookFor: string;
}

export const DEMOS: readonly Demo[] = [
  {
    id: 'train',
    title: 'Train a plain RNN on a short sequence task',
    lookFor: 'The loss falls quickly on short sequences, because the gradient still reaches the early steps.',
  },
  {
    id: 'gradientNorms',
    title: 'Gradient norms across time steps',
    lookFor: 'The norm of dL/dh_t shrinks (or grows) geometrically as t moves away from the loss: vanishing or exploding gradients.',
  },
  {
    id: 'predictThenRun',
    title: 'Predict, then run: the gradient reaching the first step versus sequence length',
    lookFor: 'Write your prediction down first: the gradient reaching step 1 decays exponentially with sequence length when the recurrent weights are small.',
  },
  {
    id: 'clipping',
    title: 'Gradient clipping',
    lookFor: 'Clipping caps the global gradient norm, so exploding updates become steady, yet it cannot restore a gradient that has vanished.',
  },
];

export function isDemoId(value: string): value is DemoId {
  return (DEMO_IDS as readonly string[]).includes(value);
}

export function demoById(id: DemoId): Demo {
  const demo = DEMOS.find((d) => d.id === id);
  if (!demo) throw new Error(`Unknown demo id "${id}". Known ids: ${DEMO_IDS.join(', ')}.`);
  return demo;
}

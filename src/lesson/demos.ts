/**
 * The instructor demos of the week. The ids are stable: `rnnLab.runDemo` accepts one as its optional
 * argument, and schedule bullets in the sidebar point at them.
 */
export const DEMO_IDS = ['train', 'gradientNorms', 'predictThenRun', 'clipping', 'horizon', 'gating'] as const;

export type DemoId = (typeof DEMO_IDS)[number];

export interface Demo {
  readonly id: DemoId;
  /** Short title for pickers and the plot panel. */
  readonly title: string;
  /** One sentence: what the class should notice while it runs. */
  readonly lookFor: string;
}

// Every number in these sentences is recomputed by the tests in test/unit/demos/ (one file per demo).
export const DEMOS: readonly Demo[] = [
  {
    id: 'train',
    title: 'Train a plain RNN on a short sequence task',
    lookFor: 'With T fixed at 40 and fresh batches every step, the delays 1 to 8 reach 100 % accuracy on held-out sequences within 300 steps while delay 16 stays near 50 % (guessing): the longer the gradient must travel, the less of it arrives.',
  },
  {
    id: 'gradientNorms',
    title: 'Gradient norms across time steps',
    lookFor: 'The loss is at the last step, so a vanishing gradient rises from left to right (tiny at t = 1) and an exploding one falls; with linear units every step back multiplies the norm by exactly ρ.',
  },
  {
    id: 'predictThenRun',
    title: 'Predict, then run: the gradient reaching the first step versus sequence length',
    lookFor: 'Write the prediction down first: with every singular value of Whh at 0.9, the gradient reaching step 1 shrinks exponentially with T, and faster than 0.9^T because tanh′ < 1.',
  },
  {
    id: 'clipping',
    title: 'Gradient clipping',
    lookFor: 'Without clipping, one large gradient that grew through time while the units were nearly linear throws the weights towards saturation and learning stalls for a while; clipping caps every update at lr·threshold and the same start learns sooner.',
  },
  {
    id: 'horizon',
    title: 'Horizon: how much of ∂L/∂Whh comes from pairs of steps k apart',
    lookFor: 'Almost all of ∂L/∂Whh comes from pairs of steps a few apart: the pairs 16 apart, which the delay-16 echo needs, contribute less than a thousandth as much as the pairs 1 apart.',
  },
  {
    id: 'gating',
    title: 'Next week: gated cells (LSTM, GRU) beside the plain RNN',
    lookFor: 'Untrained, the gradient fades with the lag in every cell, gated ones included; after training on the delay-16 echo, the LSTM with forget-gate bias 1 and the GRU carry it far further back and beat chance on held-out sequences, while the plain RNN and the LSTM with bias 0 stay near 50 %.',
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

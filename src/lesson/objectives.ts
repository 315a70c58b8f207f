/** What a student can do after this week (written from the plan's lecture and practice content). */
export interface Objective {
  readonly id: string;
  readonly text: string;
}

export const OBJECTIVES: readonly Objective[] = [
  { id: 'objective.hiddenState', text: 'Explain how an RNN reads a sequence step by step, carrying a hidden state forward with the same weights at every step.' },
  { id: 'objective.forward', text: 'Compute one RNN step, h = tanh(Wxh·x + Whh·hPrev + bh), and unroll it over a whole sequence.' },
  { id: 'objective.bptt', text: 'Derive backpropagation through time on the unrolled graph, summing each shared weight\'s gradient over the time steps.' },
  { id: 'objective.vanishing', text: 'Explain why gradients vanish or explode over long sequences: one multiplication by the recurrent weights per step.' },
  { id: 'objective.plot', text: 'Read a plot of gradient norms across time steps and tell vanishing from exploding gradients.' },
  { id: 'objective.clipping', text: 'Clip gradients by their global norm, and say which problem clipping fixes (exploding) and which it does not (vanishing).' },
];

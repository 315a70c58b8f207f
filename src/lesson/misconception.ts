/** The plan's common misconception to confront, and how to set it straight (verbatim). */
export const MISCONCEPTION = {
  id: 'misconception.separateWeights',
  belief: 'An RNN has a separate set of weights for each time step.',
  correction: 'The same weights are reused at every step (weight sharing across time); unrolling only makes it look deep, it is one shared cell applied repeatedly.',
} as const;

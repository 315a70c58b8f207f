/**
 * Reading notes: the papers behind the week's claims, each with what it shows. The concept checks,
 * pitfalls and the gradient plot refer to them by author and year.
 */
export interface Reading {
  readonly id: string;
  /** How the lesson cites it: "Pascanu, Mikolov & Bengio (2013)". */
  readonly short: string;
  /** Authors, year, title, venue. */
  readonly citation: string;
  /** What the paper shows that this lesson relies on. */
  readonly shows: readonly string[];
}

export const READINGS: readonly Reading[] = [
  {
    id: 'reading.bengio1994',
    short: 'Bengio, Simard & Frasconi (1994)',
    citation: 'Y. Bengio, P. Simard, P. Frasconi (1994). Learning long-term dependencies with gradient descent is difficult. '
      + 'IEEE Transactions on Neural Networks 5(2), 157–166.',
    shows: [
      'A recurrent network that stores information robustly (resistant to noise) is in a regime where the gradient '
        + 'from a distant step shrinks exponentially with the distance.',
      'So the gradient of a shared weight is dominated by the contributions of nearby steps: long-range dependencies '
        + 'are hard to learn by gradient descent, not only slow.',
    ],
  },
  {
    id: 'reading.pascanu2013',
    short: 'Pascanu, Mikolov & Bengio (2013)',
    citation: 'R. Pascanu, T. Mikolov, Y. Bengio (2013). On the difficulty of training recurrent neural networks. '
      + 'Proceedings of ICML 2013 (PMLR 28), 1310–1318.',
    shows: [
      'For a tanh RNN, a largest singular value of Whh below 1 is sufficient for vanishing gradients, and above 1 is '
        + 'necessary for exploding ones, but not sufficient: tanh′ ≤ 1 shrinks every factor, and saturated units shrink it to almost 0.',
      'Exploding gradients show up as steep "cliffs" in the loss surface; one step down a cliff can throw the parameters far away.',
      'Clipping the gradient by its norm keeps the direction and bounds the step, which tames exploding gradients; it does nothing for vanishing ones.',
    ],
  },
  {
    id: 'reading.gers2000',
    short: 'Gers, Schmidhuber & Cummins (2000)',
    citation: 'F. A. Gers, J. Schmidhuber, F. Cummins (2000). Learning to forget: continual prediction with LSTM. '
      + 'Neural Computation 12(10), 2451–2471.',
    shows: [
      'The LSTM without a forget gate carries its cell state forward with weight 1, so on a long, unsegmented input stream the state can grow without bound and the network breaks down.',
      'A forget gate f multiplying c_{t−1} lets the cell learn when to keep and when to reset its memory; started with a positive bias, the gate starts open, so the cell remembers until it has learned when to forget.',
    ],
  },
  {
    id: 'reading.jozefowicz2015',
    short: 'Jozefowicz, Zaremba & Sutskever (2015)',
    citation: 'R. Jozefowicz, W. Zaremba, I. Sutskever (2015). An empirical exploration of recurrent network architectures. '
      + 'Proceedings of ICML 2015 (PMLR 37), 2342–2350.',
    shows: [
      'An evaluation of over ten thousand recurrent architectures found some that beat both the LSTM and the GRU on some tasks, none on all of them.',
      'Adding a bias of 1 to the LSTM\'s forget gate closed the gap between the LSTM and the GRU: where the decay starts matters.',
    ],
  },
];

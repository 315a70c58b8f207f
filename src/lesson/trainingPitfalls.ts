import { conceptCheckById } from './conceptChecks';
import { demoById, type DemoId } from './demos';
import type { HintCode } from './hintCodes';
import type { LabTaskId } from './labTasks';

/**
 * The conceptual and training pitfalls: mistakes students make when they train RNNs, not bugs the
 * checker finds in the lab (those are in pitfalls.ts, one per hint code). Each one names where the
 * product lets a student see it happen.
 */
export interface TrainingPitfall {
  readonly id: string;
  /** The mistake, as a student would make it. */
  readonly title: string;
  /** What to do instead, and why. */
  readonly fix: string;
  /** Where RNN Lab shows it: at least one place. */
  readonly shownIn: readonly PitfallPlace[];
}

/** The controls of the student gradient plot ("RNN Lab: Show Gradient Plot"). */
export type PlotControl = 'radius' | 'length' | 'inputScale' | 'clip';

/** Their labels, as the plot shows them. */
export const PLOT_CONTROL_LABELS: Readonly<Record<PlotControl, string>> = {
  radius: 'Spectral radius ρ of Whh',
  length: 'Sequence length T',
  inputScale: 'Input scale',
  clip: 'Clipping threshold (empty: none)',
};

/** A place in the product: a demo, a concept check, a checker hint, a control of the gradient plot, a lab task. */
export type PitfallPlace =
  | { readonly kind: 'demo'; readonly demo: DemoId }
  | { readonly kind: 'check'; readonly check: string }
  | { readonly kind: 'hint'; readonly hint: HintCode }
  | { readonly kind: 'plotControl'; readonly control: PlotControl }
  | { readonly kind: 'labTask'; readonly task: LabTaskId };

export const TRAINING_PITFALLS: readonly TrainingPitfall[] = [
  {
    id: 'pitfall.carriedState',
    title: 'Carrying the hidden state from one independent sequence into the next',
    fix: 'Start every independent sequence from the initial state h_0 (usually zeros): a state left over from an unrelated sequence '
      + 'changes every output of the next one and makes results depend on the order of the data. When one long stream is cut into batches, '
      + 'carry the state forward but detach it (no gradient into the previous batch), or each backward pass reaches back through every earlier batch.',
    shownIn: [{ kind: 'labTask', task: 'forward' }, { kind: 'hint', hint: 'stateful' }],
  },
  {
    id: 'pitfall.truncationWindow',
    title: 'Truncated BPTT with a window shorter than the dependency to learn',
    fix: 'Backpropagating only k steps drops every gradient path longer than k: the loss at step t no longer tells the weights how to keep '
      + 'an input from more than k steps back. That makes long delays get less help, not impossible: the shared Whh, tuned on the short lags, '
      + 'can carry older inputs too. In the train demo a window of k = 1 (no gradient through the recurrence at all) still learns the delays 1 to 4 '
      + 'to 100 % on held-out sequences, but delay 8 reaches only 72 % in 300 steps, where full BPTT reaches 100 %. '
      + 'Choose k above the longest delay the task needs; even with full BPTT, vanishing gradients make long delays hard.',
    shownIn: [{ kind: 'demo', demo: 'train' }, { kind: 'demo', demo: 'horizon' }, { kind: 'check', check: 'check.writeGradient' }, { kind: 'hint', hint: 'truncated-bptt' }],
  },
  {
    id: 'pitfall.thresholdBlind',
    title: 'Choosing the clipping threshold without looking at the gradient norms',
    fix: 'Train a while without clipping, look at the global gradient norms, and set the threshold above the typical ones so that it catches the spikes only. '
      + 'A threshold below the norm on every step makes every update exactly lr·threshold long whatever the gradient\'s size: '
      + 'a fixed step length (normalised gradient descent), not a cure for explosions; a threshold above every norm never acts.',
    shownIn: [{ kind: 'demo', demo: 'clipping' }, { kind: 'plotControl', control: 'clip' }],
  },
  {
    id: 'pitfall.learningRateBlowUp',
    title: 'Blaming exploding gradients for a learning rate that is too large',
    fix: 'A loss that jumps to Infinity is not proof of an exploding gradient. Check whether the gradient grows through time: '
      + 'with the loss at the last step only, compare ‖∂L/∂h_1‖ with ‖∂L/∂h_T‖; if the ratio is not above 1, the step is just too large, so lower the learning rate. '
      + 'With a loss at every step that ratio says little: ∂L/∂h_1 then also collects the errors of the steps near it, '
      + 'so it can exceed ‖∂L/∂h_T‖ even when every step back shrinks the gradient. '
      + 'Even the output bias alone diverges under gradient descent once lr > 2/T, for a squared error summed over T steps.',
    shownIn: [{ kind: 'demo', demo: 'clipping' }],
  },
  {
    id: 'pitfall.clipNonFinite',
    title: 'Expecting clipping to rescue a gradient that is already Infinity or NaN',
    fix: 'Clipping multiplies every entry by threshold/‖g‖. When an entry is Infinity, ‖g‖ is Infinity and that factor is 0: '
      + 'the infinite entries become NaN (0·Infinity) and the finite ones 0. When ‖g‖ overflows although every entry is finite (entries of 1e155 and more), '
      + 'the same rule zeroes the whole gradient; a NaN entry makes every entry NaN. RNN Lab\'s own clipping does a third thing: it leaves a gradient '
      + 'whose norm is not finite unchanged and reports that norm. None of these is a good step: check that the norm is finite before the update, '
      + 'then skip that batch, or stop and lower the learning rate.',
    shownIn: [{ kind: 'labTask', task: 'clipGradNorm' }],
  },
  {
    id: 'pitfall.saturatedStart',
    title: 'Initialising Whh too large, or feeding inputs so large that tanh saturates',
    fix: 'A saturated unit has |h| close to 1, so tanh′ = 1 − h² is close to 0 and the gradient through it vanishes, whatever Whh is: '
      + 'already at |a| = 3, tanh′(a) < 0.01. Start Whh with a spectral radius at or below 1 (a scaled orthogonal matrix, say) and scale the inputs to unit size.',
    shownIn: [{ kind: 'plotControl', control: 'inputScale' }, { kind: 'plotControl', control: 'radius' }],
  },
  {
    id: 'pitfall.summedLoss',
    title: 'Summing the loss over the steps and keeping a learning rate tuned for another T',
    fix: 'With the loss summed over T steps every step adds its share to the gradient, so its size grows with T: '
      + 'for the output bias it is exactly T times the one-step gradient when every step has the same error. '
      + 'A learning rate that trains at T = 10 can diverge at T = 100. Average over the steps, or scale the learning rate with 1/T.',
    shownIn: [{ kind: 'labTask', task: 'bptt' }, { kind: 'hint', hint: 'loss-scale' }],
  },
];

/** A place in words, for the sidebar: "the demo "Gradient clipping"", "the lab task `forward`". */
export function placeLabel(place: PitfallPlace): string {
  switch (place.kind) {
    case 'demo': return `the demo "${demoById(place.demo).title}"`;
    case 'check': return `the concept check "${conceptCheckById(place.check)?.prompt ?? place.check}"`;
    case 'hint': return `the checker's hint \`${place.hint}\``;
    case 'plotControl': return `the gradient plot's control "${PLOT_CONTROL_LABELS[place.control]}"`;
    case 'labTask': return `the lab task \`${place.task}\``;
  }
}

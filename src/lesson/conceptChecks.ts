import { MISCONCEPTION } from './misconception';

/**
 * A question the student answers before the answer is revealed. `answer` is the plan's text;
 * `choices` and `explanation` are ours. The misconception is asked as true/false.
 */
export interface ConceptCheck {
  readonly id: string;
  readonly kind: 'question' | 'misconception';
  readonly prompt: string;
  readonly choices: readonly string[];
  readonly correctIndex: number;
  readonly answer: string;
  readonly explanation: string;
}

export const CONCEPT_CHECKS: readonly ConceptCheck[] = [
  {
    id: 'check.vanishExplode',
    kind: 'question',
    prompt: 'Why do gradients vanish or explode in a plain RNN over long sequences?',
    choices: [
      'BPTT multiplies by the recurrent matrix once per step, so the gradient shrinks or grows exponentially with the sequence length.',
      'Each time step has its own weights, and the weights of the later steps start too small or too large.',
      'tanh keeps the hidden state in (−1, 1), so the loss itself cannot grow with the sequence length.',
      'The learning rate is divided by the sequence length at every step.',
    ],
    correctIndex: 0,
    answer: 'BPTT multiplies by the recurrent matrix once per step; repeated multiplication shrinks (<1) or grows (>1) the gradient exponentially with length.',
    explanation: 'The gradient reaching step t passes through one factor Whhᵀ·diag(1 − h²) per later step. '
      + 'When those factors have norm r < 1 the product decays like r to the power of the distance; with r > 1 it grows the same way. '
      + 'The sequence length sets the exponent; the learning rate plays no part.',
  },
  {
    id: 'check.clipping',
    kind: 'question',
    prompt: 'Does gradient clipping fix vanishing or exploding gradients?',
    choices: ['Exploding gradients only', 'Vanishing gradients only', 'Both', 'Neither'],
    correctIndex: 0,
    answer: 'Exploding: it caps the gradient norm. Vanishing needs an architectural fix (gating), next week.',
    explanation: 'Clipping rescales the whole gradient when its global norm exceeds a threshold, so one huge step becomes a bounded one. '
      + 'It cannot create signal that has already decayed to almost nothing: long-range dependencies need gated units (LSTMs, GRUs).',
  },
  {
    id: 'check.misconception',
    kind: 'misconception',
    prompt: `True or false: ${MISCONCEPTION.belief}`,
    choices: ['True', 'False'],
    correctIndex: 1,
    answer: `False. ${MISCONCEPTION.correction}`,
    explanation: 'In the lab, `forward` uses the same parameters at every step, and `bptt` adds (+=) each step\'s contribution '
      + 'to the one shared dWxh, dWhh and dbh. Keeping only one step\'s contribution is the checker\'s `weights-not-shared` hint.',
  },
];

export function conceptCheckById(id: string): ConceptCheck | undefined {
  return CONCEPT_CHECKS.find((c) => c.id === id);
}

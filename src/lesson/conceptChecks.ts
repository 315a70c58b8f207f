import type { DemoId } from './demos';
import { MISCONCEPTION } from './misconception';

/**
 * A question the student answers before the answer is revealed. `answer` is the plan's text for
 * the plan's questions and ours for the rest; `choices` and `explanation` are ours. The
 * misconception is asked as true/false, after three commit-first questions that make a student
 * holding it say something checkable.
 */
export interface ConceptCheck {
  readonly id: string;
  /**
   * 'question': one of the plan's checks for understanding; 'misconception': the plan's misconception
   * as true/false; 'commitFirst': a question that confronts the misconception before it is named.
   */
  readonly kind: 'question' | 'misconception' | 'commitFirst';
  /** The schedule block where the plan poses it (a block id of the lecture). */
  readonly posedIn: string;
  readonly prompt: string;
  readonly choices: readonly string[];
  readonly correctIndex: number;
  readonly answer: string;
  readonly explanation: string;
  /** A demo the revealed answer links to (the Week-11 preview after the clipping check). */
  readonly demo?: DemoId;
}

export const CONCEPT_CHECKS: readonly ConceptCheck[] = [
  {
    id: 'check.vanishExplode',
    kind: 'question',
    posedIn: 'lecture.gradients',
    prompt: 'Why do gradients vanish or explode in a plain RNN over long sequences?',
    choices: [
      'BPTT multiplies by the recurrent matrix once per step, so the gradient shrinks or grows exponentially with the sequence length.',
      'Each time step has its own weights, and the weights of the later steps start too small or too large.',
      'tanh keeps the hidden state in (−1, 1), so the loss itself cannot grow with the sequence length.',
      'The learning rate is divided by the sequence length at every step.',
    ],
    correctIndex: 0,
    answer: 'BPTT multiplies by the recurrent matrix once per step; repeated multiplication shrinks (<1) or grows (>1) the gradient exponentially with length.',
    explanation: 'The gradient reaching step t passes through one factor Whhᵀ·diag(1 − h_s²) per later step s. '
      + 'When the largest singular value of Whh is below 1, every factor shrinks the gradient (tanh′ = 1 − h² ≤ 1 only helps): it vanishes at least geometrically with the distance. '
      + 'A norm above 1 is necessary for explosion but not sufficient: tanh′ shrinks every factor and saturated units almost zero it, '
      + 'so with ρ = 1.5 a tanh RNN can grow far more slowly than 1.5 per step, or not at all (Pascanu, Mikolov & Bengio 2013, in the reading notes). '
      + 'The sequence length sets the exponent; the learning rate plays no part.',
  },
  {
    id: 'check.clipping',
    kind: 'question',
    posedIn: 'lecture.gradients',
    prompt: 'Does gradient clipping fix vanishing or exploding gradients?',
    choices: ['Exploding gradients only', 'Vanishing gradients only', 'Both', 'Neither'],
    correctIndex: 0,
    answer: 'Exploding: it caps the gradient norm. Vanishing needs an architectural fix (gating), next week.',
    explanation: 'Clipping rescales the parameter gradients when their global norm exceeds a threshold, after backpropagation, so one huge step becomes a bounded one '
      + 'in the same direction. It never touches ∂L/∂h_t, so it cannot create signal that has already decayed to almost nothing: '
      + 'long-range dependencies need gated units (LSTMs, GRUs).',
    demo: 'gating',
  },
  {
    id: 'check.parameterCount',
    kind: 'commitFirst',
    posedIn: 'lecture.recurrence',
    prompt: 'Commit first: a plain RNN with D inputs, H hidden units and O outputs has how many parameters for sequences of length T = 10, and for T = 100?',
    choices: [
      'The same for both: H·D + H·H + H + O·H + O, whatever T is.',
      'Ten times as many for T = 100: one set of weights per step.',
      'It depends on T through Whh only: T·H·H recurrent weights.',
      'It cannot be said before the network is trained.',
    ],
    correctIndex: 0,
    answer: 'The same for both: H·D + H·H + H + O·H + O, whatever T is.',
    explanation: 'Wxh (H×D), Whh (H×H), bh (H), Why (O×H) and by (O) are the only parameters, and every step uses them. '
      + 'For D = 4, H = 64, O = 2 that is 4,546 numbers at T = 10 and at T = 100: the count has no T in it.',
  },
  {
    id: 'check.otherLength',
    kind: 'commitFirst',
    posedIn: 'lecture.recurrence',
    prompt: 'Commit first: can a plain RNN trained on sequences of length 10 be run on a sequence of length 50?',
    choices: [
      'Yes: the same cell is applied 50 times instead of 10.',
      'No: it has weights for 10 steps only.',
      'Only after padding the weights with zeros for steps 11 to 50.',
      'Only if it is retrained on length 50.',
    ],
    correctIndex: 0,
    answer: 'Yes: the same cell is applied 50 times instead of 10.',
    explanation: 'forward loops over however many inputs it gets, calling the same rnnStep with the same parameters at every step. '
      + 'Whether the predictions stay good beyond length 10 is another question (it never learned to use what is more than 10 steps back), but it runs.',
  },
  {
    id: 'check.writeGradient',
    kind: 'commitFirst',
    posedIn: 'lecture.recurrence',
    prompt: 'Commit first: write ∂L/∂Whh for h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh), t = 1..T, with δ_t = ∂L/∂a_t = ∂L/∂h_t ⊙ (1 − h_t²). Which is it?',
    choices: [
      '∂L/∂Whh = Σ_{t=1..T} δ_t·h_{t−1}ᵀ: one contribution per step, summed.',
      '∂L/∂Whh = δ_T·h_{T−1}ᵀ: only the step where the loss is.',
      'There is one ∂L/∂Whh_t per step, and each step updates its own Whh_t.',
      '∂L/∂Whh = Σ_{t=1..T} δ_t·h_tᵀ',
    ],
    correctIndex: 0,
    answer: '∂L/∂Whh = Σ_{t=1..T} δ_t·h_{t−1}ᵀ: one contribution per step, summed.',
    explanation: 'Whh appears once in every step, so the chain rule visits it T times and adds up what it finds: step t contributes δ_t·h_{t−1}ᵀ '
      + '(h_0 is the initial state). The gradient plot shows these per-step contributions for the engine and for your bptt, and that they add up to dWhh.',
  },
  {
    id: 'check.misconception',
    kind: 'misconception',
    posedIn: 'lecture.recurrence',
    prompt: `True or false: ${MISCONCEPTION.belief}`,
    choices: ['True', 'False'],
    correctIndex: 1,
    answer: `False. ${MISCONCEPTION.correction}`,
    explanation: 'In the lab, `forward` uses the same parameters at every step, and `bptt` adds (+=) each step\'s contribution '
      + 'to the one shared dWxh, dWhh, dbh, dWhy and dby: the output layer is shared across time too. '
      + 'Keeping only one step\'s contribution is the checker\'s `weights-not-shared` hint.',
  },
];

export function conceptCheckById(id: string): ConceptCheck | undefined {
  return CONCEPT_CHECKS.find((c) => c.id === id);
}

/** The checks the plan poses in one schedule block, in the order to pose them. */
export function checksPosedIn(blockId: string): ConceptCheck[] {
  return CONCEPT_CHECKS.filter((c) => c.posedIn === blockId);
}

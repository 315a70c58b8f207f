/** Key takeaways (the plan leaves this heading empty; written from its lecture content). */
export interface Takeaway {
  readonly id: string;
  readonly text: string;
}

export const TAKEAWAYS: readonly Takeaway[] = [
  { id: 'takeaway.oneCell', text: 'An RNN is one cell with one set of weights, applied at every step while a hidden state carries memory forward.' },
  { id: 'takeaway.unrolled', text: 'Unrolled over time it is a deep feedforward graph whose layers share weights; BPTT is the chain rule on that graph, so shared weights collect gradient from every step.' },
  { id: 'takeaway.product', text: 'The gradient reaching an early step is a product of one factor per later step: it vanishes exponentially when every factor shrinks it, and can explode only when the largest singular value of Whh (its spectral norm, never below the spectral radius ρ the demos set) is above 1 (necessary, not sufficient: saturated tanh units shrink the factors).' },
  { id: 'takeaway.longRange', text: 'Vanishing gradients make long-range dependencies nearly unlearnable; exploding gradients make training unstable.' },
  { id: 'takeaway.clipping', text: 'Clipping by the global norm tames exploding gradients but cannot revive vanished ones: that needs gated units (LSTMs, GRUs), next week.' },
  { id: 'takeaway.gating', text: 'Gating changes the path back in time, not the need for care: the LSTM passes ∂L/∂c_t to c_{t−1} multiplied by its forget gate f alone (c_t = f ⊙ c_{t−1} + i ⊙ g), not by Whhᵀ·diag(1 − h²), so the decay per step is a gate the network learns and the forget-gate bias sets where it starts. Untrained gated cells still vanish, and exploding gradients still need clipping.' },
];

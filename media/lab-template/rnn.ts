/**
 * Week 10 lab: a plain tanh RNN, backpropagation through time (BPTT) and gradient clipping.
 *
 * Implement the five functions below (one task each). Check your work at any time with
 * "RNN Lab: Check Lab" in VS Code, or `rnn-lab check <this folder>` in a terminal.
 * Details and the maths are in README.md. You may split your code into other files in this
 * folder and import them with relative paths (e.g. `import { matVec } from './linalg'`).
 *
 * Notation (as in the lesson), for one sequence of T steps t = 1..T:
 *   a_t = Wxh·x_t + Whh·h_{t−1} + bh      (pre-activation)
 *   h_t = tanh(a_t)                        (hidden state; h_0 is the initial state, the argument h0)
 *   y_t = Why·h_t + by                     (output)
 * Arrays are 0-based, so array index i holds step t = i + 1:
 *   xs[i] = x_{i+1},  hs[i] = h_{i+1},  ys[i] = y_{i+1},  targets[i] and dhs[i] belong to step i + 1.
 * Shapes: Wxh H×D, Whh H×H, bh H, Why O×H, by O;  h0 H;  xs T×D;  targets T×O (or null per step).
 * The SAME parameters are used at every step: an RNN is one shared cell applied repeatedly.
 *
 * Rules: never modify an argument (return new arrays); numbers are float64 (`number`).
 */

export type Vec = number[];
export type Mat = number[][]; // Mat[i][j] = row i, column j
export interface Params { Wxh: Mat; Whh: Mat; bh: Vec; Why: Mat; by: Vec }
export type Grads = Params; // gradients have the parameters' shapes

/**
 * Task "rnnStep": one step of the recurrence.
 *   h = tanh(Wxh·x + Whh·hPrev + bh)
 * Returns the new hidden state h (length H).
 */
export function rnnStep(p: Params, hPrev: Vec, x: Vec): Vec {
  throw new Error('TODO: rnnStep — h = tanh(Wxh·x + Whh·hPrev + bh)');
}

/**
 * Task "forward": unroll over the sequence with the SAME p at every step t = 1..T.
 *   h_t = rnnStep(p, h_{t−1}, x_t)   starting from h_0 = h0
 *   y_t = Why·h_t + by
 * In arrays: hs[i] = h_{i+1} (the state after reading xs[i]) and ys[i] = y_{i+1}.
 * hs and ys have exactly T entries each (h_0 is not part of hs).
 */
export function forward(p: Params, h0: Vec, xs: Vec[]): { hs: Vec[]; ys: Vec[] } {
  throw new Error('TODO: forward — unroll rnnStep over xs, and compute ys[t] = Why·hs[t] + by');
}

/**
 * Task "bptt": backpropagation through time, steps t = 1..T (array index t − 1).
 *   loss = ½ Σ_t Σ_k (y_t[k] − target_t[k])², over the steps t whose target is not null.
 *   grads = dL/dθ for θ = Wxh, Whh, bh, Why, by. All five are shared across time, so each
 *     gradient is the SUM of every step's contribution.
 *   dhs[t−1] = dL/dh_t, the TOTAL derivative: through y_t and through every later step.
 * Going backwards from t = T to 1:
 *   dy_t = y_t − target_t                  (0 when the target of step t is null)
 *   dh_t = Whyᵀ·dy_t + Whhᵀ·da_{t+1}       (the second term is 0 at t = T)
 *   da_t = dh_t ⊙ (1 − h_t²)                (tanh′(a) = 1 − tanh(a)² = 1 − h²)
 *   dWhy += dy_t·h_tᵀ   dby += dy_t   dWxh += da_t·x_tᵀ   dWhh += da_t·h_{t−1}ᵀ   dbh += da_t
 * (h_{t−1} at t = 1 is h_0 = h0.)
 */
export function bptt(p: Params, h0: Vec, xs: Vec[], targets: (Vec | null)[]): { loss: number; grads: Grads; dhs: Vec[] } {
  throw new Error('TODO: bptt — loss, gradients summed over time, and dhs[t−1] = dL/dh_t');
}

/**
 * Task "clipGradNorm": clipping by the GLOBAL norm.
 *   norm = sqrt(sum of the squares of every entry of all five gradients)
 *   if norm > maxNorm: every entry is multiplied by maxNorm / norm; otherwise nothing changes.
 * Returns the (new) gradients and the norm measured BEFORE clipping.
 */
export function clipGradNorm(grads: Grads, maxNorm: number): { grads: Grads; norm: number } {
  throw new Error('TODO: clipGradNorm — one norm over all gradients, rescale only when norm > maxNorm');
}

/**
 * Task "trainStep": one step of SGD.
 *   1. loss, grads = bptt(p, h0, xs, targets)
 *   2. when maxNorm is not null: grads = clipGradNorm(grads, maxNorm).grads
 *   3. θ_new = θ − lr·grads, for every parameter
 * Returns the new parameters (p itself is unchanged), the loss and the gradient norm computed
 * BEFORE the update (the norm before clipping).
 */
export function trainStep(
  p: Params, h0: Vec, xs: Vec[], targets: (Vec | null)[], lr: number, maxNorm: number | null,
): { params: Params; loss: number; norm: number } {
  throw new Error('TODO: trainStep — bptt, clip when maxNorm is not null, then θ − lr·g');
}

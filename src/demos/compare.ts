import { numberAgrees } from '../engine';

/**
 * Comparing the student's ‖∂L/∂h_t‖ with the engine's, and saying what the curve shows in one line.
 */

/**
 * The first step, in the order BPTT computes them (from step T back to step 1), whose values
 * disagree (by the checker's own definition of "agrees", `src/engine/agreement.ts`), as a 1-based
 * t, or null when every step agrees. That is where a backward pass starts to go wrong: every step
 * before it inherits the error. Curves of different lengths disagree at the longer one's last step.
 */
export function firstDisagreement(student: readonly number[], reference: readonly number[]): number | null {
  if (student.length !== reference.length) return Math.max(student.length, reference.length);
  for (let i = reference.length - 1; i >= 0; i--) {
    if (!numberAgrees(reference[i], student[i])) return i + 1;
  }
  return null;
}

/** A number in short scientific form: 3e-9, 1.2e+4, 0.5. */
export function shortNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4)) return x.toExponential(1).replace('.0e', 'e');
  return String(Number(x.toPrecision(2)));
}

/** "the gradient reaching step 1 is 3e-9 of the one at step 50" (norms[0] relative to norms[T−1]). */
export function gradientSummary(norms: readonly number[]): string {
  const T = norms.length;
  if (T === 0) return 'no steps to compare';
  const first = norms[0], last = norms[T - 1];
  if (T === 1) return `one step: ‖∂L/∂h_1‖ = ${shortNumber(first)}`;
  if (!Number.isFinite(first) || !Number.isFinite(last) || last === 0) {
    return `‖∂L/∂h_1‖ = ${shortNumber(first)}, ‖∂L/∂h_${T}‖ = ${shortNumber(last)}`;
  }
  return `the gradient reaching step 1 is ${shortNumber(first / last)} of the one at step ${T}`;
}

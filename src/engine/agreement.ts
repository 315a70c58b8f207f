/**
 * What "agrees with the engine" means, once, for everyone who says it: the lab checker (every part of
 * a result), the gradient plot's first-disagreement marker and so the Testing view, which shows the
 * checker's verdicts. It lives with the engine because all of them may import the engine (the
 * checker's oracle re-exports it); pure (no Node, no DOM), so the webview bundle imports it too.
 *
 * A quantity (one number, a vector, a matrix, or one step's dL/dh_t) agrees when
 *   ‖got − expected‖ ≤ 1e-6 · ‖expected‖   (Euclidean norms over its entries),
 * and it is non-finite exactly where, and as, the expected one is (NaN for NaN, +∞ for +∞). Relative to the quantity's own size: a
 * correct float64 lab agrees to about 1e-12 whatever order it sums in, and a gradient that has
 * vanished to 1e-30 is still compared with its own size, so zero in its place disagrees.
 */
export const AGREEMENT_RELATIVE = 1e-6;

export function agrees(expected: readonly number[], got: readonly number[]): boolean {
  if (expected.length !== got.length) return false;
  // Scale by the largest magnitude first, so squares of huge entries cannot overflow.
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i], g = got[i];
    if (Number.isFinite(e) !== Number.isFinite(g) || (!Number.isFinite(e) && !Object.is(e, g))) return false;
    if (Number.isFinite(e)) scale = Math.max(scale, Math.abs(e), Math.abs(g - e));
  }
  if (scale === 0) return true;
  let diff2 = 0, size2 = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (!Number.isFinite(e)) continue;
    diff2 += ((got[i] - e) / scale) ** 2;
    size2 += (e / scale) ** 2;
  }
  return Math.sqrt(diff2) <= AGREEMENT_RELATIVE * Math.sqrt(size2);
}

/** One number: |got − expected| ≤ 1e-6·|expected|, or the same non-finite value. */
export function numberAgrees(expected: number, got: number): boolean {
  return agrees([expected], [got]);
}

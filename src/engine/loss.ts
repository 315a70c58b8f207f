import type { Targets } from './batch';

/**
 * The loss of one output y_t of sequence b, and its gradient dℓ/dy written into `dy` (scaled by
 * `scale`, the 1/B of the batch mean).
 *   mse:  ℓ = ½ Σ_k (y_k − target_k)²            dℓ/dy_k = y_k − target_k
 *   xent: ℓ = −log softmax(y)[c]                   dℓ/dy_k = softmax(y)_k − [k = c]
 */
export function stepLossAndGrad(
  targets: Targets, ys: Float64Array, yOff: number, O: number,
  targetIndex: number, scale: number, dy: Float64Array, dyOff: number,
): number {
  if (targets.kind === 'mse') {
    let l = 0;
    const tOff = targetIndex * O;
    for (let k = 0; k < O; k++) {
      const diff = ys[yOff + k] - targets.values[tOff + k];
      l += 0.5 * diff * diff;
      dy[dyOff + k] = scale * diff;
    }
    return l;
  }
  // log-softmax with max subtraction, so large logits cannot overflow exp.
  let max = -Infinity;
  for (let k = 0; k < O; k++) max = Math.max(max, ys[yOff + k]);
  let sum = 0;
  for (let k = 0; k < O; k++) sum += Math.exp(ys[yOff + k] - max);
  const logSum = Math.log(sum) + max;
  const c = targets.classes[targetIndex];
  for (let k = 0; k < O; k++) {
    const softmax = Math.exp(ys[yOff + k] - logSum);
    dy[dyOff + k] = scale * (k === c ? softmax - 1 : softmax);
  }
  return logSum - ys[yOff + c];
}

// The numbers and claims in the concept checks' explanations, computed independently of the code
// that shows them: the plain reference BPTT on seeded problems, or closed forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, initParams, trainedBuffers } from '../../../src/engine';
import { TAKEAWAYS, conceptCheckById } from '../../../src/lesson';
import { problem, reference } from './support';

function explanation(id: string): string {
  const check = conceptCheckById(id);
  assert.ok(check, id);
  return check.explanation;
}

test('parameter count: H·D + H·H + H + O·H + O = 4,546 for D = 4, H = 64, O = 2, and T is not in it', () => {
  const [D, H, O] = [4, 64, 2];
  const closedForm = H * D + H * H + H + O * H + O;
  const params = initParams({ D, H, O }, createRng(1), { scheme: 'gaussian' });
  const counted = trainedBuffers(params).reduce((n, b) => n + b.length, 0);
  assert.equal(counted, closedForm);
  assert.equal(closedForm, 4546);
  assert.match(explanation('check.parameterCount'), /For D = 4, H = 64, O = 2 that is 4,546 numbers at T = 10 and at T = 100/);
  // The same parameters run a sequence of 10 and of 100 steps.
  for (const T of [10, 100]) {
    const r = reference({ params, xs: new Float64Array(T * D).fill(0.1), T }, 0);
    assert.equal(r.hiddenGradNorms.length, T);
    assert.ok(Number.isFinite(r.loss));
  }
});

test('a model built for length 10 runs on length 50 with the same parameters', () => {
  const short = problem({ rho: 0.9, T: 10, H: 8, inputScale: 0.5, seed: 3 });
  const long = { ...problem({ rho: 0.9, T: 50, H: 8, inputScale: 0.5, seed: 3 }), params: short.params };
  const r = reference(long, 1);
  assert.equal(r.hiddenGradNorms.length, 50);
  assert.ok(Number.isFinite(r.loss));
});

test('vanishExplode: with every singular value of Whh below 1, each step back shrinks ‖∂L/∂h_t‖ by at least that factor', () => {
  for (const [rho, seed] of [[0.9, 10], [0.5, 2], [0.99, 7]]) {
    const n = reference(problem({ rho, T: 40, H: 16, inputScale: 1, seed }), 1).hiddenGradNorms;
    // Loss at step T only: ∂L/∂h_{t−1} = Whhᵀ diag(1 − h_t²) ∂L/∂h_t, and ‖Whhᵀ‖ = ρ, tanh′ ≤ 1.
    for (let t = 1; t < n.length; t++) assert.ok(n[t - 1] <= rho * n[t] * (1 + 1e-12), `ρ ${rho}, t ${t}: ${n[t - 1]} > ${rho}·${n[t]}`);
  }
  assert.match(explanation('check.vanishExplode'), /largest singular value of Whh is below 1, every factor shrinks the gradient/);
});

test('vanishExplode: with ρ = 1.5 a tanh RNN grows far more slowly than 1.5 per step, or not at all', () => {
  const T = 60;
  const linear = 1.5 ** (T - 1); // what linear units would give: Whh = 1.5·Q multiplies every norm by exactly 1.5
  assert.ok(Math.abs(linear - 2.45e10) < 0.01e10);
  const slow = reference(problem({ rho: 1.5, T, H: 32, inputScale: 0.1, seed: 10 }), 1).hiddenGradNorms;
  const growth = slow[0] / slow[T - 1];
  assert.ok(growth > 1 && growth < linear * 1e-8, `it grows, but only ×${growth.toPrecision(3)} against ×${linear.toPrecision(3)}`);
  // Larger inputs saturate the units: the same radius no longer grows at all.
  const saturated = reference(problem({ rho: 1.5, T, H: 64, D: 4, O: 2, inputScale: 0.5, seed: 6 }), 1).hiddenGradNorms;
  assert.ok(saturated[0] < saturated[T - 1], `shrinks: ${saturated[0]} < ${saturated[T - 1]}`);
  assert.match(explanation('check.vanishExplode'), /necessary for explosion but not sufficient/);
  assert.match(explanation('check.vanishExplode'), /far more slowly than 1\.5 per step, or not at all/);
  assert.match(TAKEAWAYS.find((t) => t.id === 'takeaway.product')?.text ?? '', /can explode only when the largest singular value of Whh \(its spectral norm, never below the spectral radius ρ the demos set\) is above 1 \(necessary, not sufficient/);
});

test('tanh′ = 1 − h² is at most 1, so a tanh unit can only shrink a factor', () => {
  for (let a = -20; a <= 20; a += 0.01) assert.ok(1 - Math.tanh(a) ** 2 <= 1);
  assert.equal(1 - Math.tanh(0) ** 2, 1);
});

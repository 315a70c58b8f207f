// Predict, then run: the curves and the explanation's numbers, recomputed with the plain
// reference BPTT and closed forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PREDICT_ANSWER, PREDICT_DEFAULTS, PREDICT_QUESTION, predictExplanation, predictThenRunDemo } from '../../../src/demos/predictThenRun';
import { sequenceProblem } from '../../../src/demos/sequenceProblem';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { demoById } from '../../../src/lesson/demos';
import { forwardOne, relDiff } from './reference';
import { testEngine } from '../../support/engine';

const o = PREDICT_DEFAULTS;
const problem = (T: number) => sequenceProblem({ radius: o.radius, T, sizes: { D: 1, H: o.H, O: 1 }, inputScale: o.inputScale, seed: o.seed });
const reference = Array.from({ length: o.maxT }, (_, i) => {
  const p = problem(i + 1);
  const targets = new Float64Array(p.T);
  targets[p.T - 1] = p.target[0];
  return plainBptt(p.params, { B: 1, T: p.T, D: 1, xs: p.xs }, { kind: 'mse', values: targets }, { kind: 'mse', at: 'last' }).hiddenGradNorms;
});
const refFirst = reference.map((n) => n[0]);
const refRatio = reference.map((n) => n[0] / n[n.length - 1]);
const demo = predictThenRunDemo(testEngine);

test('gradFirst and ratio are the reference BPTT\'s, for T = 1..maxT', () => {
  assert.deepEqual(demo.gradFirst.x, Array.from({ length: o.maxT }, (_, i) => i + 1));
  refFirst.forEach((v, i) => assert.ok(relDiff(v, demo.gradFirst.y[i]) < 1e-9, `T = ${i + 1}`));
  refRatio.forEach((v, i) => assert.ok(relDiff(v, demo.ratio.y[i]) < 1e-9, `T = ${i + 1}`));
});

test('the question states the setup: ρ = 0.9, every singular value 0.9, untrained, loss at T', () => {
  const Whh = problem(1).params.Whh;
  // WhhᵀWhh = 0.81·I: every singular value is 0.9 (so the spectral radius is 0.9 too).
  for (let i = 0; i < o.H; i++) {
    for (let j = 0; j < o.H; j++) {
      let s = 0;
      for (let k = 0; k < o.H; k++) s += Whh.data[k * o.H + i] * Whh.data[k * o.H + j];
      assert.ok(Math.abs(s - (i === j ? o.radius ** 2 : 0)) < 1e-12);
    }
  }
  assert.match(PREDICT_QUESTION, /untrained/);
  assert.match(PREDICT_QUESTION, /spectral radius ρ = 0\.9, and every singular value is 0\.9 too/);
  assert.match(PREDICT_QUESTION, /loss is at the last step T/);
});

test('the recorded answer is right for this setup: exponential, never above 0.9^(T−1), so not "grows"', () => {
  assert.equal(PREDICT_ANSWER, 'exponential');
  // ‖Whhᵀ diag(1 − h²)‖ ≤ 0.9 · 1, so T − 1 steps back shrink the norm by at least 0.9^(T−1).
  refRatio.forEach((r, i) => assert.ok(r <= o.radius ** i * (1 + 1e-9), `T = ${i + 1}: ${r} > 0.9^${i}`));
  assert.ok(refFirst[o.maxT - 1] < 1e-10 * refFirst[0]);
});

test('the measured factor per step and the mean tanh′, as the explanation states them', () => {
  // Least-squares slope of log ratio against T, written out here.
  const n = o.maxT, xs = refRatio.map((_, i) => i + 1), ly = refRatio.map(Math.log);
  const mx = xs.reduce((a, b) => a + b) / n, my = ly.reduce((a, b) => a + b) / n;
  const slope = xs.reduce((s, x, i) => s + (x - mx) * (ly[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
  const factor = Math.exp(slope);
  assert.ok(factor < o.radius, `factor ${factor}: faster than 0.9 per step`);
  const p = problem(o.maxT);
  const { hs } = forwardOne(p.params, { B: 1, T: p.T, D: 1, xs: p.xs }, 0);
  const tanhPrime = hs.slice(1).flatMap((h) => Array.from(h, (v) => 1 - v * v));
  const meanPrime = tanhPrime.reduce((a, b) => a + b) / tanhPrime.length;
  const text = predictExplanation(demo);
  assert.ok(text.includes(`about ×${factor.toFixed(2)} per step`), text);
  assert.ok(text.includes(`averages ${meanPrime.toFixed(2)} here`), text);
  assert.ok(text.includes('each step back multiplies its norm by at most 0.9'), text);
});

test('"a spectral radius below 1 is not enough": a non-normal matrix with ρ = 0.5 stretches a vector', () => {
  // A = [[0.5, 3], [0, 0.5]]: both eigenvalues 0.5, yet A·(0, 1) = (3, 0.5) has norm > 3.
  const Av = [0.5 * 0 + 3 * 1, 0 * 0 + 0.5 * 1];
  assert.ok(Math.hypot(...Av) > 3);
  assert.match(predictExplanation(demo), /A spectral radius below 1 is not enough/);
});

test('the exponential sketch lies along the measured ratio; the other shapes leave it by decades', () => {
  const exp = refRatio.map((_, i) => demo.factorPerStep ** i);
  const worst = Math.max(...refRatio.map((r, i) => Math.abs(Math.log10(exp[i] / r))));
  assert.ok(worst < 2, `the right sketch stays within ${worst.toFixed(1)} decades`);
  const last = refRatio[o.maxT - 1];
  for (const [name, y] of [['same', 1], ['slow', 1 / o.maxT], ['grows', o.maxT]] as const) {
    assert.ok(Math.log10(y / last) > 8, `${name} ends ${Math.log10(y / last).toFixed(0)} decades above`);
  }
});

test('the look-for sentence: every singular value 0.9, exponential, faster than 0.9^T', () => {
  assert.match(demoById('predictThenRun').lookFor, /every singular value of Whh at 0\.9.*shrinks exponentially with T, and faster than 0\.9\^T/);
  assert.ok(demo.factorPerStep < 0.9);
});

// The gradient-norms demo: its curves and its caption, recomputed with the plain reference BPTT
// (tanh) and the closed form ρ^(T−1) (linear units, Whh = ρ·Q).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gradientNormsDemo, GRADIENT_NORMS_DEFAULTS, gradientNormsStory } from '../../../src/demos/gradientNorms';
import { sequenceProblem } from '../../../src/demos/sequenceProblem';
import { shortNumber } from '../../../src/demos/compare';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { demoById } from '../../../src/lesson/demos';
import { forwardOne, meanAbsH, relDiff } from './reference';
import { testEngine } from '../../support/engine';

const o = GRADIENT_NORMS_DEFAULTS;
const demo = gradientNormsDemo(testEngine);
const problemFor = (radius: number) => sequenceProblem({ radius, T: o.T, sizes: { D: 1, H: o.H, O: 1 }, inputScale: o.inputScale, seed: o.seed });
function referenceTanh(radius: number): Float64Array {
  const p = problemFor(radius);
  const targets = new Float64Array(o.T);
  targets[o.T - 1] = p.target[0];
  return plainBptt(p.params, { B: 1, T: o.T, D: 1, xs: p.xs }, { kind: 'mse', values: targets }, { kind: 'mse', at: 'last' }).hiddenGradNorms;
}

test('ids tanh.rho<ρ> and linear.rho<ρ> for every radius, t = 1..T, the tanh curves equal the reference BPTT', () => {
  o.radii.forEach((radius, i) => {
    assert.equal(demo.tanh[i].id, `tanh.rho${radius}`);
    assert.equal(demo.linear[i].id, `linear.rho${radius}`);
    assert.deepEqual(demo.tanh[i].x, Array.from({ length: o.T }, (_, t) => t + 1));
    referenceTanh(radius).forEach((v, t) => assert.ok(relDiff(v, demo.tanh[i].y[t]) < 1e-9, `ρ ${radius}, t = ${t + 1}`));
  });
});

test('linear units: ‖∂L/∂h_t‖ = ρ^(T−t)·‖∂L/∂h_T‖ exactly (closed form), so vanishing RISES from left to right', () => {
  o.radii.forEach((radius, i) => {
    const y = demo.linear[i].y;
    y.forEach((v, t) => assert.ok(relDiff(v, radius ** (o.T - 1 - t) * y[o.T - 1]) < 1e-9, `ρ ${radius}, t = ${t + 1}`));
  });
  // ρ < 1: tiny at t = 1, largest at t = T (the loss): rising from left to right.
  const low = demo.linear[0].y, tanhLow = demo.tanh[0].y;
  assert.ok(low[0] < low[o.T - 1] && tanhLow[0] < 1e-10 * tanhLow[o.T - 1]);
  for (let t = 1; t < o.T; t++) assert.ok(tanhLow[t] > tanhLow[t - 1], `tanh ρ = 0.5 rises at t = ${t + 1}`);
});

test('for ρ ≤ 1 tanh vanishes at least as fast as linear units; for ρ = 1.5 a small tanh′ holds it back', () => {
  o.radii.forEach((radius, i) => {
    const tanh = referenceTanh(radius);
    const tanhRatio = tanh[0] / tanh[o.T - 1];
    if (radius <= 1) assert.ok(tanhRatio <= radius ** (o.T - 1) * (1 + 1e-9), `ρ ${radius}: ${tanhRatio}`);
    if (i === o.radii.length - 1) {
      const story = gradientNormsStory(testEngine, demo);
      assert.ok(story.includes(`tanh's ‖∂L/∂h_1‖ is ${shortNumber(tanhRatio)} × ‖∂L/∂h_${o.T}‖ while linear units give ${radius}^${o.T - 1} ≈ ${shortNumber(radius ** (o.T - 1))}`), story);
      assert.ok(tanhRatio < 1e-6 * radius ** (o.T - 1));
      // "the states grow (mean |h| …), so tanh′ averages only …": recomputed from the test's own forward pass.
      const p = problemFor(radius);
      const { hs } = forwardOne(p.params, { B: 1, T: o.T, D: 1, xs: p.xs }, 0);
      const prime = hs.slice(1).flatMap((h) => Array.from(h, (v) => 1 - v * v));
      const meanPrime = prime.reduce((a, b) => a + b) / prime.length;
      const mean = meanAbsH(p.params, { B: 1, T: o.T, D: 1, xs: p.xs });
      assert.ok(mean > 2 * meanAbsH(problemFor(0.9).params, { B: 1, T: o.T, D: 1, xs: problemFor(0.9).xs }), 'the states grow larger than at ρ = 0.9');
      assert.ok(story.includes(`(mean |h| ${mean.toFixed(2)}), so tanh′ = 1 − h² averages only ${meanPrime.toFixed(2)}`), story);
    }
  });
});

test('caption and look-for name the axis: the loss at t = T, so a vanishing gradient rises from left to right', () => {
  const story = gradientNormsStory(testEngine, demo);
  assert.match(story, new RegExp(`The x axis is the step t = 1\\.\\.${o.T} and the loss is at t = ${o.T}`));
  assert.match(story, /a vanishing gradient RISES from left to right/);
  assert.doesNotMatch(story, /down for ρ < 1|falling = vanishing/);
  assert.match(demoById('gradientNorms').lookFor, /vanishing gradient rises from left to right \(tiny at t = 1\)/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clippingDemo, CLIPPING_DEFAULTS } from '../../../src/demos/clippingDemo';
import { gradientNormsDemo, GRADIENT_NORMS_DEFAULTS } from '../../../src/demos/gradientNorms';
import { predictThenRunDemo, PREDICT_CHOICES, PREDICT_ANSWER } from '../../../src/demos/predictThenRun';
import { trainDemo, TRAIN_DEFAULTS } from '../../../src/demos/trainDemo';

test('gradient norms: one tanh and one linear curve per radius, T points each, vanishing below 1 and exploding above', () => {
  const r = gradientNormsDemo();
  assert.equal(r.tanh.length, GRADIENT_NORMS_DEFAULTS.radii.length);
  assert.equal(r.linear.length, GRADIENT_NORMS_DEFAULTS.radii.length);
  for (const s of [...r.tanh, ...r.linear]) {
    assert.equal(s.x.length, GRADIENT_NORMS_DEFAULTS.T);
    assert.equal(s.y.length, GRADIENT_NORMS_DEFAULTS.T);
  }
  const linear = (radius: number) => r.linear[GRADIENT_NORMS_DEFAULTS.radii.indexOf(radius)].y;
  assert.ok(linear(0.5)[0] < 1e-10 * linear(0.5).at(-1)!, 'ρ = 0.5 vanishes');
  assert.ok(linear(1.5)[0] > 1e6 * linear(1.5).at(-1)!, 'ρ = 1.5 explodes');
  assert.ok(Math.abs(linear(1.0)[0] / linear(1.0).at(-1)! - 1) < 1e-9, 'ρ = 1 keeps the norm (orthogonal Whh)');
});

test('predict-then-run: ‖∂L/∂h₁‖ for T = 1..120 falls exponentially, as the recorded answer says', () => {
  const s = predictThenRunDemo();
  assert.equal(s.y.length, 120);
  assert.deepEqual(s.x.slice(0, 3), [1, 2, 3]);
  assert.ok(s.y[99] < 1e-3 * s.y[9], `T=100: ${s.y[99]}, T=10: ${s.y[9]}`);
  assert.ok(PREDICT_CHOICES.some((c) => c.id === PREDICT_ANSWER));
});

test('clipping demo really clips: without clipping the loss overflows, with it every loss is finite', () => {
  const r = clippingDemo();
  assert.equal(r.unclipped.loss.y.length, CLIPPING_DEFAULTS.steps);
  assert.equal(r.clipped.gradNorm.y.length, CLIPPING_DEFAULTS.steps);
  assert.ok(r.unclipped.firstNonFiniteStep !== null || Math.max(...r.unclipped.loss.y) > 1e6, 'the unclipped run blows up');
  assert.equal(r.clipped.firstNonFiniteStep, null);
  assert.ok(r.clipped.loss.y.every(Number.isFinite));
  assert.ok(r.fractionClipped > 0 && r.fractionClipped < 1, `fraction clipped ${r.fractionClipped}`);
  // Clipped exactly where the norm (before clipping) is above the threshold.
  r.clipped.gradNorm.y.forEach((n, i) => assert.equal(r.clipped.clipped[i], n > CLIPPING_DEFAULTS.threshold));
  assert.ok(r.clipped.loss.y.at(-1)! < r.clipped.loss.y[0], 'the clipped run learns');
});

test('train demo: a short delay is learned, a long one is not (same seed, same steps)', () => {
  const short = trainDemo({ ...TRAIN_DEFAULTS, task: { task: 'echo', delay: 2 } }, 150);
  const long = trainDemo({ ...TRAIN_DEFAULTS, task: { task: 'echo', delay: 16 } }, 150);
  assert.equal(short.points.length, 150);
  assert.ok(short.points.at(-1)!.accuracy > 0.95, `short: ${short.points.at(-1)!.accuracy}`);
  assert.ok(long.points.at(-1)!.accuracy < 0.7, `long: ${long.points.at(-1)!.accuracy}`);
});

test('train demo is reproducible: the same seed gives the same curve', () => {
  const a = trainDemo(TRAIN_DEFAULTS, 20).points;
  const b = trainDemo(TRAIN_DEFAULTS, 20).points;
  assert.deepEqual(a, b);
});

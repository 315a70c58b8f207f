// The training pitfalls' claims, computed independently: the plain reference BPTT, SGD written out
// here, and closed forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clipByGlobalNorm, globalNorm, trainedBuffers, type RnnGrads } from '../../../src/engine';
import { PITFALLS, TRAINING_PITFALLS } from '../../../src/lesson';
import { problem, reference } from './support';

function fix(id: string): string {
  const p = [...PITFALLS, ...TRAINING_PITFALLS].find((x) => x.id === id);
  assert.ok(p, id);
  return p.fix;
}

function flat(g: RnnGrads): number[] {
  return trainedBuffers(g).flatMap((b) => Array.from(b));
}

function cosine(a: number[], b: number[]): number {
  let ab = 0, aa = 0, bb = 0;
  a.forEach((x, i) => { ab += x * b[i]; aa += x * x; bb += b[i] * b[i]; });
  return ab / Math.sqrt(aa * bb);
}

test('carried state: the same sequence from another sequence\'s last state gives other outputs', () => {
  const p = problem({ rho: 0.9, T: 20, H: 8, inputScale: 1, seed: 4 });
  const fresh = reference(p, 1, 'all');
  // Any non-zero state left over from an earlier sequence in place of h_0.
  const carried = reference({ ...p, params: { ...p.params, h0: new Float64Array(8).fill(0.7) } }, 1, 'all');
  assert.notEqual(carried.loss, fresh.loss);
  assert.ok(carried.hiddenGradNorms.every((n, t) => n !== fresh.hiddenGradNorms[t]), 'every step is affected');
  assert.match(fix('pitfall.carriedState'), /changes every output of the next one/);
});

test('clip by value changes the direction; clip by the global norm keeps it', () => {
  const g = reference(problem({ rho: 1.2, T: 30, H: 16, inputScale: 1, seed: 8 }), 3, 'all').grads;
  const norm = globalNorm(g);
  const c = norm / 10;
  const byNorm = flat(clipByGlobalNorm(g, c).grads);
  const byValue = flat(g).map((x) => Math.max(-c / 20, Math.min(c / 20, x)));
  assert.ok(Math.abs(cosine(byNorm, flat(g)) - 1) < 1e-12);
  assert.ok(cosine(byValue, flat(g)) < 0.999, `cosine ${cosine(byValue, flat(g))}`);
  assert.match(fix('pitfall.clipByValue'), /points in another direction/);
});

test('a threshold hit on every step makes every update exactly lr·threshold long', () => {
  const lr = 0.05, c = 0.5;
  for (const seed of [1, 2, 3]) {
    const g = reference(problem({ rho: 1.1, T: 25, H: 8, inputScale: 1, seed }), 2, 'all').grads;
    assert.ok(globalNorm(g) > c);
    const update = Math.sqrt(flat(clipByGlobalNorm(g, c).grads).reduce((s, x) => s + (lr * x) ** 2, 0));
    assert.ok(Math.abs(update - lr * c) < 1e-12, `${update} vs ${lr * c}`);
  }
  assert.match(fix('pitfall.thresholdBlind'), /every update exactly lr·threshold long/);
});

/** SGD on the output bias alone, Why = 0 so y_t = by at every step, loss summed over all T steps. */
function trainBiasOnly(T: number, lr: number, steps: number): number {
  const p = problem({ rho: 0.5, T, H: 4, inputScale: 1, seed: 9 });
  p.params.Why.data.fill(0);
  let by = 0;
  for (let s = 0; s < steps; s++) {
    p.params.by[0] = by;
    by -= lr * reference(p, 1, 'all').grads.by[0];
  }
  return Math.abs(by - 1);
}

test('summed loss: the output bias gradient is exactly T times the one-step gradient', () => {
  for (const T of [1, 10, 100]) {
    const p = problem({ rho: 0.5, T, H: 4, inputScale: 1, seed: 9 });
    p.params.Why.data.fill(0);
    p.params.by[0] = 0.25;
    // Every step has the same error y − target = 0.25 − 1.
    assert.ok(Math.abs(reference(p, 1, 'all').grads.by[0] - T * (0.25 - 1)) < 1e-12 * T);
  }
  assert.match(fix('pitfall.summedLoss'), /exactly T times the one-step gradient/);
});

test('summed loss: gradient descent on the output bias alone diverges once lr > 2/T', () => {
  for (const T of [10, 30, 100]) {
    assert.ok(trainBiasOnly(T, 1.9 / T, 200) < 1e-3, `T ${T}: lr 1.9/T converges`);
    assert.ok(trainBiasOnly(T, 2.1 / T, 200) > 1e3, `T ${T}: lr 2.1/T diverges`);
  }
  // And a learning rate that trains at T = 10 diverges at T = 100.
  assert.ok(trainBiasOnly(10, 0.1, 200) < 1e-3 && trainBiasOnly(100, 0.1, 200) > 1e3);
  assert.match(fix('pitfall.learningRateBlowUp'), /diverges under gradient descent once lr > 2\/T/);
  assert.match(fix('pitfall.summedLoss'), /trains at T = 10 can diverge at T = 100/);
});

test('clipping cannot rescue an infinite norm: threshold/∞ is 0 and 0·∞ is NaN', () => {
  const c = 5;
  const factor = c / Infinity;
  assert.equal(factor, 0);
  assert.ok(Number.isNaN(factor * Infinity));
  const g = reference(problem({ rho: 0.9, T: 5, H: 4, inputScale: 1, seed: 1 }), 1).grads;
  g.Whh.data[0] = Infinity;
  // So the engine's rule leaves a non-finite gradient as it is and reports its norm: the caller must skip or stop.
  const r = clipByGlobalNorm(g, c);
  assert.equal(r.normBefore, Infinity);
  assert.equal(r.clipped, false);
  // The naive rule, entry by entry: the infinite entries become NaN, the finite ones 0.
  const naive = flat(g).map((x) => x * factor);
  assert.ok(Number.isNaN(naive[flat(g).indexOf(Infinity)]));
  assert.ok(naive.filter((x) => !Number.isNaN(x)).every((x) => x === 0));
  // A norm that overflows from finite entries (1e155² > the largest double) zeroes the whole gradient.
  const huge = flat(g).map(() => 1e155);
  const hugeNorm = Math.sqrt(huge.reduce((sum, x) => sum + x * x, 0));
  assert.equal(hugeNorm, Infinity);
  assert.ok(huge.map((x) => x * (c / hugeNorm)).every((x) => x === 0));
  // A NaN entry makes the factor NaN, so every entry NaN.
  assert.ok(Number.isNaN(c / NaN));
  assert.match(fix('pitfall.clipNonFinite'), /the infinite entries become NaN \(0·Infinity\) and the finite ones 0/);
  assert.match(fix('pitfall.clipNonFinite'), /entries of 1e155 and more\), the same rule zeroes the whole gradient/);
  assert.match(fix('pitfall.clipNonFinite'), /leaves a gradient whose norm is not finite unchanged and reports that norm/);
});

test('saturation: tanh′(a) < 0.01 already at |a| = 3', () => {
  const d = 1 - Math.tanh(3) ** 2;
  assert.ok(d < 0.01 && d > 0.009, String(d));
  assert.equal(1 - Math.tanh(-3) ** 2, d);
  assert.match(fix('pitfall.saturatedStart'), /already at \|a\| = 3, tanh′\(a\) < 0\.01/);
  // The plot's input-scale control shows it: larger inputs, less gradient reaching step 1.
  const reach = (inputScale: number) => {
    const n = reference(problem({ rho: 0.9, T: 50, H: 64, D: 4, O: 2, inputScale, seed: 6 }), 1).hiddenGradNorms;
    return n[0] / n[49];
  };
  assert.ok(reach(5) < reach(0.5) / 100, `${reach(5)} vs ${reach(0.5)}`);
});

test('a hand-written tanh: the e^{2a} form is NaN beyond a ≈ 354.9, the e^a form only beyond |a| ≈ 709.8; Math.tanh is within an ulp or two', () => {
  const twoA = (a: number) => (Math.exp(2 * a) - 1) / (Math.exp(2 * a) + 1);
  const oneA = (a: number) => (Math.exp(a) - Math.exp(-a)) / (Math.exp(a) + Math.exp(-a));
  assert.equal(twoA(354.8), 1);
  assert.ok(Number.isNaN(twoA(355)));
  // The check's saturating input (pre-activations of about +400 and −370) catches the first form, not the second.
  assert.ok(Number.isNaN(twoA(400)) && oneA(400) === 1 && oneA(-370) === -1);
  assert.ok(!Number.isNaN(oneA(709.7)) && Number.isNaN(oneA(709.8)) && Number.isNaN(oneA(-709.8)));
  // Math.tanh against tanh(a) = expm1(2a) / (expm1(2a) + 2), an independent formula, on a grid.
  for (let a = -20; a <= 20; a += 0.137) {
    const e = Math.expm1(2 * a), ref = e / (e + 2);
    assert.ok(Math.abs(Math.tanh(a) - ref) <= 4 * Number.EPSILON * Math.abs(ref), `a ${a}`);
  }
  assert.match(fix('pitfall.nonFinite'), /\(e\^\{2a\} − 1\)\/\(e\^\{2a\} \+ 1\) is Infinity\/Infinity = NaN once e\^\{2a\} overflows \(a > 354\.9/);
  assert.match(fix('pitfall.nonFinite'), /\(e\^a − e\^−a\)\/\(e\^a \+ e\^−a\) once \|a\| > 709\.8/);
  assert.match(fix('pitfall.nonFinite'), /accurate to about an ulp/);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addingProblem, createRng, delayedEcho, initParams, scaledOrthogonal, spectralRadius, type Matrix } from '../../../src/engine';

function matrix(rows: number[][]): Matrix {
  return { rows: rows.length, cols: rows[0].length, data: Float64Array.from(rows.flat()) };
}

describe('createRng', () => {
  test('the same seed gives the same numbers; another seed, others', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const seqA = Array.from({ length: 50 }, () => a.uniform());
    const seqB = Array.from({ length: 50 }, () => b.uniform());
    const seqC = Array.from({ length: 50 }, () => c.uniform());
    assert.deepEqual(seqA, seqB);
    assert.notDeepEqual(seqA, seqC);
  });

  test('uniform in [0, 1), int in 0..n−1, normal with mean 0 and variance 1', () => {
    const rng = createRng(1);
    let sum = 0, sumSq = 0;
    const N = 20000;
    for (let i = 0; i < N; i++) {
      const u = rng.uniform();
      assert.ok(u >= 0 && u < 1, `uniform gave ${u}`);
      const k = rng.int(7);
      assert.ok(Number.isInteger(k) && k >= 0 && k < 7, `int(7) gave ${k}`);
      const z = rng.normal();
      sum += z; sumSq += z * z;
    }
    assert.ok(Math.abs(sum / N) < 0.03, `normal mean ${sum / N}`);
    assert.ok(Math.abs(sumSq / N - 1) < 0.05, `normal variance ${sumSq / N}`);
  });
});

describe('initialisation', () => {
  test('spectralRadius of known matrices (real and complex dominant eigenvalues)', () => {
    assert.ok(Math.abs(spectralRadius(matrix([[0.5, 0, 0], [0, -2, 0], [0, 0, 1]])) - 2) < 1e-9);
    // A rotation by 90° scaled by 1.5: eigenvalues ±1.5i.
    assert.ok(Math.abs(spectralRadius(matrix([[0, -1.5], [1.5, 0]])) - 1.5) < 1e-9);
    assert.equal(spectralRadius(matrix([[0, 0], [0, 0]])), 0);
  });

  test('scaledOrthogonal(H, ρ) is ρ times an orthogonal matrix: Q Qᵀ = ρ² I, radius ρ', () => {
    const H = 12, rho = 1.3;
    const q = scaledOrthogonal(H, rho, createRng(5));
    for (let i = 0; i < H; i++) {
      for (let k = 0; k < H; k++) {
        let dot = 0;
        for (let j = 0; j < H; j++) dot += q.data[i * H + j] * q.data[k * H + j];
        assert.ok(Math.abs(dot - (i === k ? rho * rho : 0)) < 1e-12, `(Q Qᵀ)[${i}][${k}] = ${dot}`);
      }
    }
    assert.ok(Math.abs(spectralRadius(q, 2000) - rho) < 1e-2 * rho);
  });

  test('initParams: fan-in scaling, chosen spectral radius, seeded', () => {
    const sizes = { D: 4, H: 16, O: 3 };
    const p = initParams(sizes, createRng(3), { scheme: 'uniform', biasScale: 0.1 });
    const q = initParams(sizes, createRng(3), { scheme: 'uniform', biasScale: 0.1 });
    assert.deepEqual(p.Whh.data, q.Whh.data, 'same seed, same parameters');
    assert.ok(p.Wxh.data.every((w) => Math.abs(w) <= Math.sqrt(3 / 4)));
    assert.ok(p.Whh.data.every((w) => Math.abs(w) <= Math.sqrt(3 / 16)));
    assert.ok(p.bh.every((b) => Math.abs(b) <= 0.1) && p.bh.some((b) => b !== 0));
    assert.ok(p.h0.every((h) => h === 0));
    assert.deepEqual([p.Wxh.rows, p.Wxh.cols, p.Whh.rows, p.Why.rows, p.Why.cols, p.by.length], [16, 4, 16, 3, 16, 3]);
    for (const radius of [0.5, 1, 2]) {
      const r = initParams(sizes, createRng(4), { scheme: 'gaussian', whh: { kind: 'spectral-radius', radius } });
      assert.ok(Math.abs(spectralRadius(r.Whh, 4000) - radius) < 0.02 * radius, `radius ${radius}: got ${spectralRadius(r.Whh, 4000)}`);
      const o = initParams(sizes, createRng(4), { scheme: 'gaussian', whh: { kind: 'scaled-orthogonal', radius } });
      const rowNorm = Math.hypot(...o.Whh.data.subarray(0, 16));
      assert.ok(Math.abs(rowNorm - radius) < 1e-12);
    }
    const g = initParams({ D: 50, H: 200, O: 2 }, createRng(6), { scheme: 'gaussian' });
    const variance = g.Whh.data.reduce((s, w) => s + w * w, 0) / g.Whh.data.length;
    assert.ok(Math.abs(variance * 200 - 1) < 0.05, `gaussian Whh variance·H = ${variance * 200}`);
  });
});

describe('tasks', () => {
  test('delayed echo: shapes, ±1 inputs, target at t is the input at t − k', () => {
    const task = delayedEcho({ B: 3, T: 10, delay: 2 }, createRng(1));
    const { B, T, D, xs } = task.batch;
    assert.deepEqual([B, T, D, xs.length], [3, 10, 1, 30]);
    assert.ok(xs.every((x) => x === 1 || x === -1));
    if (task.targets.kind !== 'mse') throw new Error('mse targets expected');
    const values = task.targets.values;
    assert.equal(values.length, 30);
    for (let b = 0; b < 3; b++) for (let t = 0; t < 10; t++) assert.equal(values[b * 10 + t], t >= 2 ? xs[b * 10 + t - 2] : 0);
    assert.deepEqual(delayedEcho({ B: 3, T: 10, delay: 2 }, createRng(1)).batch.xs, xs, 'seeded');
  });

  test('adding problem: two markers, one per half, target = sum of the marked values', () => {
    const task = addingProblem({ B: 5, T: 12 }, createRng(2));
    const { B, T, D, xs } = task.batch;
    assert.deepEqual([B, T, D, xs.length], [5, 12, 2, 120]);
    assert.deepEqual(task.loss, { kind: 'mse', at: 'last' });
    if (task.targets.kind !== 'mse') throw new Error('mse targets expected');
    for (let b = 0; b < B; b++) {
      const marked = [];
      for (let t = 0; t < T; t++) if (xs[(b * T + t) * 2 + 1] === 1) marked.push(t);
      assert.equal(marked.length, 2, `sequence ${b} has markers at ${marked}`);
      assert.ok(marked[0] < 6 && marked[1] >= 6);
      const sum = xs[(b * T + marked[0]) * 2] + xs[(b * T + marked[1]) * 2];
      assert.equal(task.targets.values[b * T + T - 1], sum);
    }
  });
});

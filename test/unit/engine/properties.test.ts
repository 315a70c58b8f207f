import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clipByGlobalNorm, createEngine, globalNorm, readableBptt, trainedBuffers,
  type LossSpec, type RnnGrads, type RnnParams, type SequenceBatch,
} from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { testEngine } from '../../support/engine';
import { BACKENDS, randomProblem } from './support';

function scaledGrads(g: RnnGrads, factor: number): RnnGrads {
  const out = { Wxh: { ...g.Wxh, data: g.Wxh.data.map((v) => v * factor) }, Whh: { ...g.Whh, data: g.Whh.data.map((v) => v * factor) },
    bh: g.bh.map((v) => v * factor), Why: { ...g.Why, data: g.Why.data.map((v) => v * factor) }, by: g.by.map((v) => v * factor) };
  return out;
}

describe('clipByGlobalNorm', () => {
  const { params, batch, targets, loss } = randomProblem(7, { B: 2, T: 6, D: 3, H: 5, O: 2 }, { kind: 'mse', at: 'all' });
  const grads = testEngine.bptt(params, batch, targets, loss).grads;
  const norm = globalNorm(grads);

  test('never increases the norm, whatever the threshold', () => {
    for (const factor of [1e-3, 0.1, 0.5, 0.999, 1, 1.001, 2, 1e3]) {
      const r = clipByGlobalNorm(grads, factor * norm);
      assert.ok(r.normAfter <= r.normBefore * (1 + 1e-15), `maxNorm = ${factor}·norm: ${r.normAfter} > ${r.normBefore}`);
      assert.equal(r.normBefore, norm);
    }
  });

  test('is a no-op at or under the threshold (strict >), and says so', () => {
    for (const maxNorm of [norm, norm * 1.5, norm * 1e6]) {
      const r = clipByGlobalNorm(grads, maxNorm);
      assert.equal(r.clipped, false, `maxNorm ${maxNorm}, norm ${norm}`);
      assert.equal(r.normAfter, norm);
      trainedBuffers(r.grads).forEach((buf, k) => assert.deepEqual(buf, trainedBuffers(grads)[k]));
    }
  });

  test('above the threshold: norm exactly maxNorm after, same direction, input untouched', () => {
    const before = trainedBuffers(grads).map((b) => b.slice());
    const maxNorm = norm / 7;
    const r = clipByGlobalNorm(grads, maxNorm);
    assert.equal(r.clipped, true);
    assert.ok(Math.abs(r.normAfter - maxNorm) <= 1e-14 * maxNorm, `normAfter ${r.normAfter} vs maxNorm ${maxNorm}`);
    const expected = trainedBuffers(scaledGrads(grads, maxNorm / norm));
    trainedBuffers(r.grads).forEach((buf, k) => buf.forEach((v, i) => assert.ok(Math.abs(v - expected[k][i]) <= 1e-15 * Math.abs(expected[k][i]) + 1e-300)));
    trainedBuffers(grads).forEach((buf, k) => assert.deepEqual(buf, before[k], 'the input gradients were modified'));
  });

  test('clips by ONE global norm, not per parameter', () => {
    const r = clipByGlobalNorm(grads, norm / 2);
    // Each parameter keeps its share of the total: per-parameter ratios are all the same 1/2.
    trainedBuffers(r.grads).forEach((buf, k) => {
      const orig = trainedBuffers(grads)[k];
      const n0 = Math.hypot(...orig), n1 = Math.hypot(...buf);
      if (n0 > 0) assert.ok(Math.abs(n1 / n0 - 0.5) < 1e-12, `parameter ${k}: ratio ${n1 / n0}`);
    });
  });
});

describe('training', () => {
  const { params, batch, targets, loss } = randomProblem(8, { B: 3, T: 5, D: 2, H: 4, O: 2 }, { kind: 'mse', at: 'all' });

  test('lr = 0 leaves every parameter (and h0) unchanged, bit for bit', () => {
    const r = testEngine.train(params, batch, targets, loss, { lr: 0, steps: 3, clip: 0.01 });
    assert.deepEqual(r.params.Wxh.data, params.Wxh.data);
    assert.deepEqual(r.params.Whh.data, params.Whh.data);
    assert.deepEqual(r.params.bh, params.bh);
    assert.deepEqual(r.params.Why.data, params.Why.data);
    assert.deepEqual(r.params.by, params.by);
    assert.deepEqual(r.params.h0, params.h0);
    assert.equal(r.records.length, 3);
    assert.equal(r.records[0].loss, r.records[2].loss);
    assert.equal(r.finalLoss, r.records[0].loss);
  });

  test('one step is θ − lr·clip(g), and the loss goes down for a small lr', () => {
    const g = testEngine.bptt(params, batch, targets, loss);
    const r = testEngine.train(params, batch, targets, loss, { lr: 0.01, steps: 1, clip: g.gradNorm / 2 });
    assert.equal(r.records[0].clipped, true);
    assert.equal(r.records[0].gradNorm, g.gradNorm);
    r.params.Whh.data.forEach((w, i) => {
      const expected = params.Whh.data[i] - 0.01 * (0.5 * g.grads.Whh.data[i]);
      assert.ok(Math.abs(w - expected) <= 1e-15 * Math.max(1, Math.abs(expected)), `Whh[${i}] ${w} vs ${expected}`);
    });
    assert.ok(r.finalLoss < g.loss, `loss ${g.loss} → ${r.finalLoss}`);
    assert.deepEqual(params.Whh.data, randomProblem(8, { B: 3, T: 5, D: 2, H: 4, O: 2 }, loss).params.Whh.data, 'params were modified');
  });
});

/** The mse loss of a test-local forward pass in which step t uses its own copy Whhs[t] of Whh. */
function untiedLoss(p: RnnParams, Whhs: Float64Array[], batch: SequenceBatch, values: Float64Array): number {
  const { B, T, D, xs } = batch;
  const H = p.Wxh.rows, O = p.Why.rows;
  let L = 0;
  for (let b = 0; b < B; b++) {
    let h = p.h0.slice();
    for (let t = 0; t < T; t++) {
      const next = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        let a = p.bh[i];
        for (let d = 0; d < D; d++) a += p.Wxh.data[i * D + d] * xs[(b * T + t) * D + d];
        for (let j = 0; j < H; j++) a += Whhs[t][i * H + j] * h[j];
        next[i] = Math.tanh(a);
      }
      h = next;
      for (let k = 0; k < O; k++) {
        let y = p.by[k];
        for (let j = 0; j < H; j++) y += p.Why.data[k * H + j] * h[j];
        L += 0.5 * (y - values[(b * T + t) * O + k]) ** 2 / B;
      }
    }
  }
  return L;
}

describe('weights are shared across time', () => {
  test('dWhh equals the sum over steps of the gradient w.r.t. that step\'s own copy of Whh', () => {
    const loss: LossSpec = { kind: 'mse', at: 'all' };
    const { params, batch, targets } = randomProblem(9, { B: 2, T: 5, D: 2, H: 3, O: 2 }, loss);
    if (targets.kind !== 'mse') throw new Error('mse targets expected');
    const { grads } = testEngine.bptt(params, batch, targets, loss);
    const T = batch.T, HH = params.Whh.data.length, h = 1e-6;
    const Whhs = Array.from({ length: T }, () => params.Whh.data.slice());
    const perStep = Array.from({ length: T }, () => new Float64Array(HH));
    for (let t = 0; t < T; t++) {
      for (let i = 0; i < HH; i++) {
        const keep = Whhs[t][i];
        Whhs[t][i] = keep + h;
        const up = untiedLoss(params, Whhs, batch, targets.values);
        Whhs[t][i] = keep - h;
        const down = untiedLoss(params, Whhs, batch, targets.values);
        Whhs[t][i] = keep;
        perStep[t][i] = (up - down) / (2 * h);
      }
    }
    for (let i = 0; i < HH; i++) {
      const sum = perStep.reduce((s, g) => s + g[i], 0);
      assert.ok(Math.abs(sum - grads.Whh.data[i]) <= 1e-7 + 1e-6 * Math.abs(sum), `dWhh[${i}]: BPTT ${grads.Whh.data[i]}, Σ_t per-step ${sum}`);
      // ...and no single step's contribution is the whole story (the sum matters).
    }
    const lastOnly = perStep[T - 1];
    assert.ok(lastOnly.some((v, i) => Math.abs(v - grads.Whh.data[i]) > 1e-4), 'the last step alone already equals dWhh: the test would not catch a missing sum');
  });
});

describe('hiddenGradNorms', () => {
  for (const loss of [{ kind: 'mse', at: 'all' }, { kind: 'mse', at: 'last' }] as LossSpec[]) {
    test(`follow dh_t = Whyᵀ dy_t + Whhᵀ (dh_{t+1} ⊙ (1 − h_{t+1}²)) over the whole B×H matrix (${loss.at})`, () => {
      const { params, batch, targets } = randomProblem(11, { B: 3, T: 6, D: 2, H: 4, O: 3 }, loss);
      if (targets.kind !== 'mse') throw new Error('mse targets expected');
      const r = testEngine.bptt(params, batch, targets, loss);
      const { hs, ys } = testEngine.forward(params, batch);
      const { B, T } = batch, H = 4, O = 3;
      const W = params.Whh.data, V = params.Why.data;
      let dhNext = new Float64Array(B * H); // dh_{t+1} ⊙ (1 − h_{t+1}²), per sequence
      for (let t = T - 1; t >= 0; t--) {
        const dh = new Float64Array(B * H);
        let sq = 0;
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            let g = 0;
            for (let i = 0; i < H; i++) g += W[i * H + j] * dhNext[b * H + i];
            if (loss.at === 'all' || t === T - 1) {
              for (let k = 0; k < O; k++) g += V[k * H + j] * (ys[(t * B + b) * O + k] - targets.values[(b * T + t) * O + k]) / B;
            }
            dh[b * H + j] = g;
            sq += g * g;
          }
        }
        assert.ok(Math.abs(r.hiddenGradNorms[t] - Math.sqrt(sq)) <= 1e-12 * Math.sqrt(sq), `t=${t}: ${r.hiddenGradNorms[t]} vs ${Math.sqrt(sq)}`);
        dhNext = dh.map((g, n) => g * (1 - hs[((t + 1) * B + Math.floor(n / H)) * H + (n % H)] ** 2));
      }
    });
  }
});

describe('fast path, readable path and plain reference agree', () => {
  // Sizes that are multiples of 4 run the SIMD kernels on everything; the others also their edges.
  const shapes = [
    { B: 1, T: 1, D: 1, H: 1, O: 1 }, { B: 5, T: 7, D: 3, H: 6, O: 2 }, { B: 9, T: 3, D: 5, H: 13, O: 7 }, { B: 4, T: 20, D: 8, H: 33, O: 5 },
    { B: 8, T: 6, D: 4, H: 16, O: 8 }, { B: 12, T: 5, D: 8, H: 64, O: 4 },
  ];
  // A step mask: every third step in the loss, and the last one (the lab's targets with nulls).
  const mask = (T: number): boolean[] => Array.from({ length: T }, (_, t) => t % 3 === 1 || t === T - 1);
  const losses: ((T: number) => LossSpec)[] = [
    () => ({ kind: 'mse', at: 'all' }), () => ({ kind: 'xent', at: 'last' }), () => ({ kind: 'xent', at: 'all' }), () => ({ kind: 'mse', at: 'last' }),
    (T) => ({ kind: 'mse', at: mask(T) }), (T) => ({ kind: 'xent', at: mask(T) }),
  ];
  shapes.forEach((shape, n) => {
    for (const lossOf of losses) {
      const loss = lossOf(shape.T);
      test(`${JSON.stringify(shape)} ${loss.kind}/${typeof loss.at === 'string' ? loss.at : 'mask'}`, () => {
        const loss2 = shape.O === 1 && loss.kind === 'xent' ? { ...loss, kind: 'mse' as const } : loss;
        const { params, batch, targets } = randomProblem(200 + n, shape, loss2);
        const engine = createEngine({ kernels: 'wasm' });
        const results = [
          plainBptt(params, batch, targets, loss2), // the independent oracle first: the others are held to it
          engine.bptt(params, batch, targets, loss2),
          engine.bptt(params, batch, targets, loss2), // a reused workspace gives the same answer
          ...BACKENDS.map((kernels) => createEngine({ kernels }).bptt(params, batch, targets, loss2)),
          readableBptt(params, batch, targets, loss2),
        ];
        const close = (a: number, b: number, what: string): void =>
          assert.ok(Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)) + 1e-15, `${what}: ${a} vs ${b}`);
        for (const r of results.slice(1)) {
          close(r.loss, results[0].loss, 'loss');
          close(r.gradNorm, results[0].gradNorm, 'gradNorm');
          r.hiddenGradNorms.forEach((v, t) => close(v, results[0].hiddenGradNorms[t], `hiddenGradNorms[${t}]`));
          trainedBuffers(r.grads).forEach((buf, k) => buf.forEach((v, i) => close(v, trainedBuffers(results[0].grads)[k][i], `grad ${k}[${i}]`)));
        }
      });
    }
  });

  const eachLosses: LossSpec[] = [{ kind: 'mse', at: 'last' }, { kind: 'mse', at: 'all' }, { kind: 'xent', at: 'last' }, { kind: 'xent', at: 'all' }];
  for (const loss of eachLosses) {
    test(`bptt of each sequence (sequences of different lengths together) equals one bptt per sequence (${loss.kind} at ${loss.at})`, () => {
      const base = randomProblem(300, { B: 1, T: 1, D: 4, H: 8, O: 4 }, loss);
      const lengths = [4, 1, 9, 4, 2, 12, 7, 7, 3];
      const sequences = lengths.map((T, i) => {
        const p = randomProblem(310 + i, { B: 1, T, D: 4, H: 8, O: 4 }, loss);
        return { batch: p.batch, targets: p.targets };
      });
      for (const kernels of ['wasm', 'typescript'] as const) {
        const engine = createEngine({ kernels });
        engine.bptt(base.params, sequences.slice(2, 4), loss, { each: true }); // leave other numbers in the workspace first
        const together = engine.bptt(base.params, sequences, loss, { each: true });
        assert.equal(together.length, lengths.length);
        sequences.forEach((s, i) => {
          const alone = testEngine.bptt(base.params, s.batch, s.targets, loss);
          const r = together[i];
          assert.equal(r.hiddenGradNorms.length, lengths[i]);
          const close = (a: number, b: number, what: string): void =>
            assert.ok(Math.abs(a - b) <= 1e-12 * Math.abs(b) + 1e-15, `${kernels}, sequence ${i} (T=${lengths[i]}) ${what}: ${a} vs ${b}`);
          close(r.loss, alone.loss, 'loss');
          close(r.gradNorm, alone.gradNorm, 'gradNorm');
          r.hiddenGradNorms.forEach((v, t) => close(v, alone.hiddenGradNorms[t], `hiddenGradNorms[${t}]`));
          trainedBuffers(r.grads).forEach((buf, k) => buf.forEach((v, j) => close(v, trainedBuffers(alone.grads)[k][j], `grad ${k}[${j}]`)));
        });
      }
    });
  }

  test('WebAssembly SIMD kernels are in use in Node when chosen (else the fast path silently fell back)', () => {
    assert.notEqual(createEngine({ kernels: 'wasm' }).kernels, 'typescript');
    assert.equal(createEngine({ kernels: 'typescript' }).kernels, 'typescript');
  });
});

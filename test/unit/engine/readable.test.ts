import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CORRECT_VARIANT, clipByGlobalNorm, clipDecision, createEngine, readableBptt, readableForward, sizesOf, trainedBuffers, zeroGrads,
  type BpttVariant, type LossSpec,
} from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { testEngine } from '../../support/engine';
import { stepsWindow } from '../../support/plainSteps';
import { BACKENDS, randomProblem } from './support';

const close = (a: number, b: number, what: string, rel = 1e-12): void =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-15, `${what}: ${a} vs ${b}`);

describe('dL/dh_t itself (the lab\'s bptt returns it)', () => {
  const mask: LossSpec = { kind: 'mse', at: [false, true, false, false, true, true, false] };
  const pr = randomProblem(41, { B: 3, T: 7, D: 4, H: 10, O: 2 }, mask);
  const readable = readableBptt(pr.params, pr.batch, pr.targets, pr.loss);

  test('its per-step Frobenius norms are the hiddenGradNorms of the independent oracle', () => {
    const oracle = plainBptt(pr.params, pr.batch, pr.targets, pr.loss);
    const { B, T } = pr.batch, H = pr.params.Whh.rows;
    for (let t = 0; t < T; t++) {
      const block = readable.hiddenGrads.subarray(t * B * H, (t + 1) * B * H);
      close(Math.hypot(...block), oracle.hiddenGradNorms[t], `‖dL/dh_${t + 1}‖`);
    }
  });

  for (const kernels of BACKENDS) {
    test(`the fast path returns the same vectors when asked (${kernels}), and none otherwise`, () => {
      const engine = createEngine({ kernels });
      // Leave other numbers in the workspace first: the mask leaves step T out of the loss, so
      // nothing may come back from beyond it but zeros.
      const other = randomProblem(40, { B: 3, T: 7, D: 4, H: 9, O: 2 }, { kind: 'mse', at: 'all' });
      engine.bptt(other.params, other.batch, other.targets, other.loss);
      const fast = engine.bptt(pr.params, pr.batch, pr.targets, pr.loss, { hiddenGrads: true });
      assert.ok(fast.hiddenGrads);
      assert.equal(fast.hiddenGrads.length, readable.hiddenGrads.length);
      fast.hiddenGrads.forEach((v, i) => close(v, readable.hiddenGrads[i], `hiddenGrads[${i}]`));
      assert.equal(engine.bptt(pr.params, pr.batch, pr.targets, pr.loss).hiddenGrads, undefined);
    });
  }
});

describe('the fast forward pass is the readable one', () => {
  for (const kernels of BACKENDS) {
    test(`h_t and y_t for every step and sequence (${kernels})`, () => {
      const shapes = [[46, { B: 5, T: 9, D: 3, H: 8, O: 3 }], [47, { B: 1, T: 4, D: 2, H: 5, O: 1 }], [48, { B: 6, T: 7, D: 1, H: 16, O: 1 }]] as const;
      for (const [seed, shape] of shapes) {
        const pr = randomProblem(seed, shape, { kind: 'mse', at: 'all' });
        const fast = createEngine({ kernels }).forward(pr.params, pr.batch);
        const readable = readableForward(pr.params, pr.batch, sizesOf(pr.params));
        assert.equal(fast.hs.length, readable.hs.length);
        assert.equal(fast.ys.length, readable.ys.length);
        fast.hs.forEach((v, i) => close(v, readable.hs[i], `hs[${i}]`));
        fast.ys.forEach((v, i) => close(v, readable.ys[i], `ys[${i}]`));
        // The outputs alone (held-out scoring) are the same numbers.
        const ys = createEngine({ kernels }).forward(pr.params, pr.batch, { validate: false, keep: 'outputs' });
        assert.equal(ys.length, readable.ys.length);
        ys.forEach((v, i) => close(v, readable.ys[i], `predicted ys[${i}]`));
      }
    });
  }
});

describe('the variants (the checker\'s known mistakes) come from the same code', () => {
  const loss: LossSpec = { kind: 'mse', at: 'all' };
  const pr = randomProblem(42, { B: 1, T: 6, D: 3, H: 5, O: 2 }, loss);
  const right = readableBptt(pr.params, pr.batch, pr.targets, loss);
  const run = (change: Partial<BpttVariant>, p = pr) => readableBptt(p.params, p.batch, p.targets, p.loss, { ...CORRECT_VARIANT, ...change });
  const differs = (a: ReturnType<typeof run>, b: ReturnType<typeof run>): boolean =>
    trainedBuffers(a.grads).some((buf, k) => buf.some((v, i) => Math.abs(v - trainedBuffers(b.grads)[k][i]) > 1e-9));

  test('the correct variant is the default', () => {
    assert.deepEqual(run({}).grads, right.grads);
  });

  test('every wrong choice changes the gradients', () => {
    const wrong: Partial<BpttVariant>[] = [
      { shared: 'first-step' }, { shared: 'last-step' }, { outputShared: 'first-step' }, { outputShared: 'last-step' },
      { recurrentPath: false }, { derivative: 'one-minus-a2' }, { derivative: 'one-minus-h' }, { derivative: 'none' },
      { whhInput: 'h-current' }, { whhInput: 'skip-h0' },
    ];
    for (const change of wrong) assert.ok(differs(run(change), right), JSON.stringify(change));
  });

  test('closed forms: without the recurrent path, a loss at the last step reaches no earlier h_t', () => {
    const last = randomProblem(43, { B: 1, T: 5, D: 3, H: 4, O: 2 }, { kind: 'mse', at: 'last' });
    const r = run({ recurrentPath: false }, last);
    assert.ok(r.hiddenGradNorms[4] > 0);
    for (let t = 0; t < 4; t++) assert.equal(r.hiddenGradNorms[t], 0, `‖dL/dh_${t + 1}‖`);
  });

  test('closed forms: skipping h_0 changes nothing when h_0 = 0; one step kept is all steps when T = 1', () => {
    const zeroH0 = { ...pr, params: { ...pr.params, h0: new Float64Array(5) } };
    assert.ok(!differs(run({ whhInput: 'skip-h0' }, zeroH0), run({}, zeroH0)));
    const one = randomProblem(44, { B: 1, T: 1, D: 3, H: 4, O: 2 }, loss);
    assert.ok(!differs(run({ shared: 'last-step', outputShared: 'first-step' }, one), run({}, one)));
  });
});

describe('a truncated sweep (truncate: k) is plain BPTT on the last k steps', () => {
  const mask = [true, false, true, true, false, false, true];
  const T = mask.length;
  const pr = randomProblem(48, { B: 1, T, D: 3, H: 5, O: 2 }, { kind: 'mse', at: mask });
  const full = plainBptt(pr.params, pr.batch, pr.targets, pr.loss);
  const same = (got: Float64Array, expected: Float64Array, what: string): void => {
    assert.equal(got.length, expected.length, what);
    got.forEach((v, i) => close(v, expected[i], `${what}[${i}]`, 1e-10));
  };

  for (const k of [null, 0, 1, 2, 3, 6, T, T + 1]) {
    test(`truncate = ${k}: ${k === 0 ? 'the sweep reaches no step' : `the sweep runs t = T..${k === null ? 1 : Math.max(1, T - k + 1)}`}`, () => {
      const r = readableBptt(pr.params, pr.batch, pr.targets, pr.loss, { ...CORRECT_VARIANT, truncate: k });
      // The loss, dWhy and dby go back in time through nothing: every step in the loss counts.
      close(r.loss, full.loss, 'L');
      same(r.grads.Why.data, full.grads.Why.data, 'dWhy');
      same(r.grads.by, full.grads.by, 'dby');
      // dWxh, dWhh, dbh and dL/dh_t: plain BPTT on steps first..T alone, from h_{first−1}; 0 before.
      const first = k === null ? 1 : Math.max(1, T - k + 1);
      const w = stepsWindow(pr, first, T, (t) => mask[t - 1]);
      // With k = 0 the sweep reaches no step: nothing but zeros.
      const swept = first <= T ? plainBptt(w.params, w.batch, w.targets, w.loss) : { grads: zeroGrads(sizesOf(pr.params)), hiddenGradNorms: new Float64Array(0) };
      same(r.grads.Wxh.data, swept.grads.Wxh.data, 'dWxh');
      same(r.grads.Whh.data, swept.grads.Whh.data, 'dWhh');
      same(r.grads.bh, swept.grads.bh, 'dbh');
      same(r.hiddenGradNorms, Float64Array.from({ length: T }, (_, i) => (i + 1 < first ? 0 : swept.hiddenGradNorms[i + 1 - first])), '‖dL/dh_t‖');
    });
  }
});

describe('one clipping rule for clipByGlobalNorm and for training', () => {
  test('strictly above the threshold: scale maxNorm / norm; at or under it, or non-finite: unchanged', () => {
    assert.deepEqual(clipDecision(4, 1), { scale: 0.25, clipped: true });
    assert.deepEqual(clipDecision(1, 1), { scale: 1, clipped: false });
    assert.deepEqual(clipDecision(0.5, 1), { scale: 1, clipped: false });
    assert.deepEqual(clipDecision(NaN, 1), { scale: 1, clipped: false });
    assert.deepEqual(clipDecision(Infinity, 1), { scale: 1, clipped: false });
  });

  test('a training step whose gradient overflows reports it, unclipped, as clipByGlobalNorm does', () => {
    const pr = randomProblem(45, { B: 1, T: 3, D: 2, H: 2, O: 1 }, { kind: 'mse', at: 'all' });
    // y = Why h + by overflows to Infinity with Why at the top of float64, so the gradient does too.
    const params = { ...pr.params, Why: { ...pr.params.Why, data: new Float64Array([1.7e308, 1.7e308]) } };
    const { record } = testEngine.sgdStep(params, pr.batch, pr.targets, pr.loss, { lr: 0.1, clip: 1 });
    assert.ok(!Number.isFinite(record.gradNorm));
    assert.equal(record.clipped, false);
    const report = clipByGlobalNorm(testEngine.bptt(params, pr.batch, pr.targets, pr.loss).grads, 1);
    assert.equal(report.clipped, record.clipped);
    assert.ok(!Number.isFinite(report.normBefore));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CORRECT_VARIANT, readableBptt } from '../../../src/engine';
import { testEngine } from '../../support/engine';
import { toEngineParams } from '../../../src/checker/labTypes';
import { bpttVariants, bpttWith, clipVariants, trainStepVariants, truncatedVariants } from '../../../src/checker/oracle/mistakes';
import { labProblems, LONG_T, makeProblem, OVERFLOWING_PRE_ACTIVATION, type Problem } from '../../../src/checker/oracle/problems';
import { refBptt, refClip } from '../../../src/checker/oracle/reference';
import { firstMismatch, type Expected } from '../../../src/checker/oracle/partCompare';
import { TASK_PARTS } from '../../../src/checker/oracle/taskCases';
import { agrees, numberAgrees } from '../../../src/checker/oracle/agreement';
import { PROBE_DEFAULTS } from '../../../src/demos/probeProblem';
import { firstDisagreement } from '../../../src/demos/compare';
import { plainBptt } from '../../../src/engine/reference/plainBptt';

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : typeof v === 'number' ? [v] : Object.values(v as object).flatMap(flat));
const maxDiff = (a: unknown, b: unknown): number => {
  const x = flat(a), y = flat(b);
  assert.equal(x.length, y.length);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
};
const asExpected = (v: unknown): Expected => v as Expected;
const matches = (expected: Expected, got: unknown, parts = TASK_PARTS.bptt): boolean => firstMismatch(expected, got, '', parts) === null;

function engineBatch(pr: Problem, at: 'last' | 'all') {
  const D = pr.xs[0].length, O = pr.p.Why.length, T = pr.xs.length;
  return testEngine.bptt(
    toEngineParams(pr.p, pr.h0),
    { B: 1, T, D, xs: Float64Array.from(pr.xs.flat()) },
    { kind: 'mse', values: Float64Array.from(pr.targets.flatMap((y) => y ?? new Array<number>(O).fill(0))) },
    { kind: 'mse', at },
  );
}

/** The engine's readable BPTT with the steps without a target masked out, in the lab's shapes. */
function maskedReadable(pr: Problem): { loss: number; grads: ReturnType<typeof readableBptt>['grads']; dhs: Float64Array[] } {
  const D = pr.xs[0].length, H = pr.p.Whh.length, O = pr.p.Why.length, T = pr.xs.length;
  const r = readableBptt(
    toEngineParams(pr.p, pr.h0),
    { B: 1, T, D, xs: Float64Array.from(pr.xs.flat()) },
    { kind: 'mse', values: Float64Array.from(pr.targets.flatMap((y) => y ?? new Array<number>(O).fill(0))) },
    { kind: 'mse', at: pr.targets.map((y) => y !== null) },
  );
  return { loss: r.loss, grads: r.grads, dhs: Array.from({ length: T }, (_, t) => r.hiddenGrads.subarray(t * H, (t + 1) * H)) };
}

describe('the masked BPTT reference (the engine\'s readableBptt with a step mask)', () => {
  test("equals the engine's batch BPTT for B = 1 when the loss is at the last step or at every step", () => {
    for (const [seed, pattern] of [[1, 'last'], [2, 'all'], [3, 'all']] as const) {
      const pr = makeProblem('x', seed, { D: 3, H: 4, O: 2, T: 6 }, pattern);
      const masked = maskedReadable(pr);
      const batch = engineBatch(pr, pattern);
      assert.ok(Math.abs(masked.loss - batch.loss) < 1e-12);
      assert.ok(maxDiff(Object.values(masked.grads).map((g) => Array.from('data' in g ? g.data : g)), Object.values(batch.grads).map((g) => Array.from('data' in g ? g.data : g))) < 1e-12);
      masked.dhs.forEach((d, t) => assert.ok(Math.abs(Math.hypot(...d) - batch.hiddenGradNorms[t]) < 1e-12));
    }
  });

  test('an arbitrary null pattern is the sum of single-target sequences (linearity of the gradient)', () => {
    const pr = makeProblem('x', 9, { D: 2, H: 3, O: 2, T: 7 }, 'random');
    const whole = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
    let sumLoss = 0;
    let sumGrads: number[] = flat(whole.grads).map(() => 0);
    pr.targets.forEach((y, t) => {
      if (!y) return;
      const part = engineBatch({ ...pr, xs: pr.xs.slice(0, t + 1), targets: pr.targets.slice(0, t + 1) }, 'last');
      sumLoss += part.loss;
      const g = [part.grads.Wxh.data, part.grads.Whh.data, part.grads.bh, part.grads.Why.data, part.grads.by].flatMap((a) => Array.from(a));
      sumGrads = sumGrads.map((s, i) => s + g[i]);
    });
    assert.ok(Math.abs(whole.loss - sumLoss) < 1e-12);
    assert.ok(maxDiff(whole.grads, sumGrads) < 1e-12);
  });
});

describe('the library of known-wrong variants', () => {
  test('with every switch in the right position it reproduces the engine', () => {
    for (const pr of labProblems()) assert.ok(maxDiff(bpttWith(CORRECT_VARIANT, pr.p, pr.h0, pr.xs, pr.targets), refBptt(pr.p, pr.h0, pr.xs, pr.targets)) < 1e-12, pr.label);
  });

  test('every bptt variant differs from the right answer on the random problems', () => {
    const pr = labProblems().find((x) => x.label === 'random problem (seed 101)') as Problem;
    const right = asExpected(refBptt(pr.p, pr.h0, pr.xs, pr.targets));
    for (const v of bpttVariants(pr.p, pr.h0, pr.xs, pr.targets)) assert.equal(matches(asExpected(v.output), right), false, v.says('dWhh'));
  });

  test('clipping and training variants differ from the right answer when they should', () => {
    const pr = labProblems().find((x) => x.label === 'random problem (seed 102)') as Problem;
    const grads = refBptt(pr.p, pr.h0, pr.xs, pr.targets).grads;
    const norm = refClip(grads, 1e9).norm;
    const below = clipVariants(grads, norm / 3);
    const clipParts = TASK_PARTS.clipGradNorm.filter((p) => p.path !== 'norm');
    assert.equal(matches(asExpected(refClip(grads, norm / 3)), below[0].output, clipParts), false, 'per-parameter clipping below the norm');
    assert.equal(matches(asExpected(refClip(grads, norm / 3)), below[2].output, clipParts), false, 'clipping by value below the norm');
    const above = clipVariants(grads, norm * 2);
    assert.equal(matches(asExpected(refClip(grads, norm * 2)), above[1].output, clipParts), false, 'scaling up above the norm');
    const unclipped = trainStepVariants(pr.p, pr.h0, pr.xs, pr.targets, 0.1, norm / 3).find((v) => v.hint === 'unclipped-update');
    assert.ok(unclipped?.output.params);
  });
});

describe('the problems every task is tried on', () => {
  const problems = labProblems();
  const sizes = (pr: Problem) => ({ D: pr.xs[0].length, H: pr.h0.length, O: pr.p.Why.length, T: pr.xs.length });

  test('T = 1, H = 1, and targets null except the last', () => {
    assert.ok(problems.some((pr) => sizes(pr).T === 1));
    assert.ok(problems.some((pr) => sizes(pr).H === 1));
    assert.ok(problems.some((pr) => pr.targets.length > 1 && pr.targets.every((y, t) => (t === pr.targets.length - 1) === (y !== null))));
  });

  test("a sequence at least as long as the gradient plot's default, and at least 60 steps", () => {
    const longest = Math.max(...problems.map((pr) => sizes(pr).T));
    assert.equal(longest, LONG_T);
    assert.ok(longest >= 60 && longest >= PROBE_DEFAULTS.T, `${longest} vs the plot's ${PROBE_DEFAULTS.T}`);
  });

  test('a saturating input: pre-activations in the hundreds, beyond where e^{2a} overflows, of both signs, at step 1', () => {
    const pr = problems.find((x) => x.label.startsWith('a saturating input'));
    assert.ok(pr);
    const a = pr.p.Wxh.map((row, i) => row.reduce((s, w, d) => s + w * pr.xs[0][d], 0) + pr.p.Whh[i].reduce((s, w, j) => s + w * pr.h0[j], 0) + pr.p.bh[i]);
    assert.ok(Math.max(...a) > OVERFLOWING_PRE_ACTIVATION && Math.min(...a) < -OVERFLOWING_PRE_ACTIVATION, a.join(', '));
    // e^{2a} really overflows there, and 355 is the edge (the claim in the constant's comment).
    assert.equal(Math.exp(2 * OVERFLOWING_PRE_ACTIVATION), Infinity);
    assert.ok(Number.isFinite(Math.exp(2 * 354.8)));
    // The reference stays finite and gradients still flow (one unit is not saturated).
    const ref = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
    assert.ok(flat(ref).every(Number.isFinite));
    assert.ok(ref.grads.Wxh.flat().some((v) => v !== 0));
  });

  test('the last two problems have the same shapes, so a function that keeps state between calls shows it', () => {
    const [a, b] = problems.slice(-2);
    assert.deepEqual(sizes(a), sizes(b));
    assert.notDeepEqual(a.xs, b.xs);
  });

  test('on the long problem a gradient still reaches step 1 (a truncated BPTT is wrong there, not just tiny)', () => {
    const pr = problems.find((x) => sizes(x).T === LONG_T) as Problem;
    // The independent oracle, with the loss at the last step only, as the long problem has it.
    const oracle = engineBatch(pr, 'last');
    assert.ok(oracle.hiddenGradNorms[0] > 0);
    const ref = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
    assert.ok(Math.abs(Math.hypot(...ref.dhs[0]) - oracle.hiddenGradNorms[0]) <= 1e-9 * oracle.hiddenGradNorms[0]);
    const truncated = truncatedVariants(20, pr.p, pr.h0, pr.xs, pr.targets)[0].output;
    assert.equal(agrees(ref.dhs[0], truncated.dhs?.[0] ?? []), false);
    assert.ok(agrees(ref.dhs[LONG_T - 1], truncated.dhs?.[LONG_T - 1] ?? []));
  });
});

describe('one definition of "agrees"', () => {
  test('relative to the size of the quantity: ‖got − expected‖ ≤ 1e-6·‖expected‖', () => {
    assert.ok(agrees([3, 4], [3 + 4e-6, 4]));
    assert.equal(agrees([3, 4], [3 + 6e-6, 4]), false);
    // A vanished gradient is compared with its own size: zero in its place disagrees.
    assert.equal(agrees([1e-30, 2e-30], [0, 0]), false);
    assert.ok(agrees([1e-30], [1e-30 * (1 + 1e-9)]));
    assert.ok(agrees([0, 0], [0, 0]));
    assert.ok(agrees([1e300, 1e300], [1e300, 1e300 * (1 + 1e-9)]));
  });

  test("the gradient plot's first-disagreement marker uses it: a vanished gradient replaced by zero is marked", () => {
    assert.equal(firstDisagreement([0, 0, 0.5, 1], [1e-30, 1e-12, 0.5, 1]), 2);
    assert.equal(firstDisagreement([1e-30 * (1 + 1e-9), 1], [1e-30, 1]), null);
  });

  test('non-finite only where, and as, the expected value is', () => {
    assert.equal(numberAgrees(1, NaN), false);
    assert.equal(numberAgrees(1, Infinity), false);
    assert.ok(numberAgrees(NaN, NaN));
    assert.equal(numberAgrees(Infinity, NaN), false);
    assert.equal(agrees([1, 2], [1]), false);
  });

  test('the independent plain BPTT agrees with the reference part by part on the problems with a loss at the last step or at every step', () => {
    for (const pr of labProblems()) {
      const pattern = pr.targets.every((y) => y !== null) ? 'all' : pr.targets.every((y, t) => (y !== null) === (t === pr.targets.length - 1)) ? 'last' : null;
      if (!pattern) continue;
      const ref = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
      const plain = plainBptt(toEngineParams(pr.p, pr.h0), { B: 1, T: pr.xs.length, D: pr.xs[0].length, xs: Float64Array.from(pr.xs.flat()) },
        { kind: 'mse', values: Float64Array.from(pr.targets.flatMap((y) => y ?? new Array<number>(pr.p.Why.length).fill(0))) }, { kind: 'mse', at: pattern });
      assert.ok(numberAgrees(ref.loss, plain.loss), pr.label);
      assert.ok(agrees(ref.grads.Whh.flat(), Array.from(plain.grads.Whh.data)), pr.label);
      ref.dhs.forEach((d, t) => assert.ok(numberAgrees(Math.hypot(...d), plain.hiddenGradNorms[t]), `${pr.label}, step ${t + 1}`));
    }
  });
});

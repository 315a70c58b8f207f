import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bptt as engineBptt, readableBptt } from '../../../src/engine';
import { toEngineParams } from '../../../src/checker/labTypes';
import { bpttVariants, bpttWith, CORRECT_BPTT, clipVariants, trainStepVariants } from '../../../src/checker/mistakes';
import { labProblems, makeProblem, type Problem } from '../../../src/checker/problems';
import { refBptt, refClip } from '../../../src/checker/reference';
import { matches, type Expected } from '../../../src/checker/compare';

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : typeof v === 'number' ? [v] : Object.values(v as object).flatMap(flat));
const maxDiff = (a: unknown, b: unknown): number => {
  const x = flat(a), y = flat(b);
  assert.equal(x.length, y.length);
  return x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i])), 0);
};
const asExpected = (v: unknown): Expected => v as Expected;

function engineBatch(pr: Problem, at: 'last' | 'all') {
  const D = pr.xs[0].length, O = pr.p.Why.length, T = pr.xs.length;
  return engineBptt(
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
    for (const pr of labProblems()) assert.ok(maxDiff(bpttWith(CORRECT_BPTT, pr.p, pr.h0, pr.xs, pr.targets), refBptt(pr.p, pr.h0, pr.xs, pr.targets)) < 1e-12, pr.label);
  });

  test('every bptt variant differs from the right answer on the random problems', () => {
    const pr = labProblems()[3];
    const right = asExpected(refBptt(pr.p, pr.h0, pr.xs, pr.targets));
    for (const v of bpttVariants(pr.p, pr.h0, pr.xs, pr.targets)) assert.equal(matches(asExpected(v.output), right), false, v.name);
  });

  test('clipping and training variants differ from the right answer when they should', () => {
    const pr = labProblems()[4];
    const grads = refBptt(pr.p, pr.h0, pr.xs, pr.targets).grads;
    const norm = refClip(grads, 1e9).norm;
    const below = clipVariants(grads, norm / 3);
    assert.equal(matches(asExpected(below[0].output), asExpected(refClip(grads, norm / 3))), false, 'per-parameter clipping below the norm');
    const above = clipVariants(grads, norm * 2);
    assert.equal(matches(asExpected(above[1].output), asExpected(refClip(grads, norm * 2))), false, 'scaling up above the norm');
    const unclipped = trainStepVariants(pr.p, pr.h0, pr.xs, pr.targets, 0.1, norm / 3).find((v) => v.hint === 'unclipped-update');
    assert.ok(unclipped?.output.params);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEngine, gradsToNested, readableBptt, type BpttResult } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { runEngineCase } from '../../../src/cli/engineCase';
import { testEngine } from '../../support/engine';
import { BACKENDS, compareAll, describeWorst, goldenCases } from './support';

// Golden cases computed with PyTorch autograd in float64 (docs/engine-cases.md):
// every expected number within abs + rel·|exp|, and hiddenGradNorms also within a PURE relative
// 1e-9, because in the vanishing cases they fall far below the absolute floor.
const cases = goldenCases();

test('the golden cases are all there', () => {
  assert.equal(cases.length, 13, `found ${cases.map((c) => c.file).join(', ')}`);
});

function asExpected(r: BpttResult): Record<string, unknown> {
  return { loss: r.loss, hiddenGradNorms: Array.from(r.hiddenGradNorms), grads: gradsToNested(r.grads), gradNorm: r.gradNorm };
}

function assertHiddenGradNormsRelative(got: ArrayLike<number>, expected: number[], file: string): void {
  let worst = { t: -1, rel: 0 };
  expected.forEach((e, t) => {
    const rel = Math.abs(got[t] - e) / Math.abs(e);
    if (!(rel <= worst.rel)) worst = { t, rel };
  });
  assert.ok(worst.rel <= 1e-9, `${file}: hiddenGradNorms[${worst.t}] = ${got[worst.t]}, expected ${expected[worst.t]}: relative error ${worst.rel} > 1e-9`);
}

describe('engine reproduces the golden cases (bptt + train)', () => {
  for (const c of cases) {
    test(c.file, () => {
      const got = runEngineCase(testEngine, { params: c.params, batch: c.batch, loss: c.json.loss, targets: c.targets, train: c.json.train ?? null });
      const expectedKeys = Object.keys(c.json.expected).sort();
      assert.deepEqual(Object.keys(got).sort(), expectedKeys, 'the output has exactly the keys of expected');
      const r = compareAll(got, c.json.expected, c.json.tolerance);
      assert.ok(r.count > 0);
      assert.equal(r.failures, 0, `${c.file}: ${r.failures} of ${r.count} numbers out of tolerance; ${describeWorst(r.worst)}`);
      assertHiddenGradNormsRelative(got.hiddenGradNorms, c.json.expected.hiddenGradNorms as number[], c.file);
    });
  }
});

describe('every backend of the fast path, the readable BPTT and the plain-loops oracle reproduce them too', () => {
  const engines = BACKENDS.map((kernels) => createEngine({ kernels }));
  for (const c of cases) {
    test(c.file, () => {
      const expected = { ...c.json.expected };
      for (const k of ['trainLosses', 'trainGradNorms', 'finalLoss', 'finalParams']) delete expected[k];
      for (const [name, r] of [
        ...engines.map((e) => [`bptt on ${e.kernels}`, e.bptt(c.params, c.batch, c.targets, c.json.loss)] as const),
        ['readableBptt', readableBptt(c.params, c.batch, c.targets, c.json.loss)],
        ['plainBptt', plainBptt(c.params, c.batch, c.targets, c.json.loss)],
      ] as const) {
        const cmp = compareAll(asExpected(r), expected, c.json.tolerance);
        assert.equal(cmp.failures, 0, `${name} on ${c.file}: ${describeWorst(cmp.worst)}`);
        assertHiddenGradNormsRelative(r.hiddenGradNorms, expected.hiddenGradNorms as number[], `${name} on ${c.file}`);
      }
    });
  }
});

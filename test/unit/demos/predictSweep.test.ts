import assert from 'node:assert/strict';
import { test } from 'node:test';
import { predictThenRunDemo, PREDICT_DEFAULTS } from '../../../src/demos/predictThenRun';
import { sequenceProblem } from '../../../src/demos/sequenceProblem';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { testEngine } from '../../support/engine';

test('predict-then-run: every length of the one engine call is the oracle\'s BPTT of that length alone', () => {
  const options = { ...PREDICT_DEFAULTS, maxT: 30 };
  const { gradFirst, ratio } = predictThenRunDemo(testEngine, options);
  assert.equal(gradFirst.y.length, 30);
  for (const T of [1, 2, 7, 30]) {
    const p = sequenceProblem({ radius: options.radius, T, sizes: { D: 1, H: options.H, O: 1 }, inputScale: options.inputScale, seed: options.seed });
    const values = new Float64Array(T);
    values.set(p.target, T - 1);
    const oracle = plainBptt(p.params, { B: 1, T, D: 1, xs: p.xs }, { kind: 'mse', values }, { kind: 'mse', at: 'last' });
    const want = oracle.hiddenGradNorms[0];
    const got = gradFirst.y[T - 1];
    assert.ok(Math.abs(got - want) <= 1e-12 * want, `T = ${T}: ${got} vs ${want}`);
    const wantRatio = want / oracle.hiddenGradNorms[T - 1];
    assert.ok(Math.abs(ratio.y[T - 1] - wantRatio) <= 1e-12 * wantRatio, `ratio at T = ${T}`);
  }
});

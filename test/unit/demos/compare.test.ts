import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstDisagreement, gradientSummary, shortNumber } from '../../../src/demos/compare';
import { engineProbe, probeProblem, PROBE_DEFAULTS, PROBE_SIZES, studentProbeInput } from '../../../src/demos/probeProblem';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { testEngine } from '../../support/engine';

test('firstDisagreement: null when equal to rounding, else the 1-based step where BPTT (from T back) first differs', () => {
  assert.equal(firstDisagreement([1, 2, 3], [1, 2 * (1 + 1e-12), 3]), null);
  assert.equal(firstDisagreement([1, 2, 3], [1, 2.1, 3]), 2);
  // A missing recurrent path: the last step is right, every earlier one wrong — marked at T − 1.
  assert.equal(firstDisagreement([5, 5, 5, 4], [9, 8, 6, 4]), 3);
  assert.equal(firstDisagreement([1, NaN], [1, 2]), 2);
  assert.equal(firstDisagreement([1], [1, 2]), 2);
});

test('summary line names the ratio of step 1 to step T', () => {
  assert.equal(gradientSummary([3e-9, 0.5, 1]), 'the gradient reaching step 1 is 3e-9 of the one at step 3');
  assert.equal(shortNumber(0.5), '0.5');
  assert.equal(shortNumber(12345), '1.2e+4');
});

test('probe input has the student API shapes: xs T×D, targets null except the last', () => {
  const problem = probeProblem({ ...PROBE_DEFAULTS, T: 7 });
  const input = studentProbeInput(problem);
  assert.equal(input.xs.length, 7);
  assert.equal(input.xs[0].length, PROBE_SIZES.D);
  assert.deepEqual(input.targets.slice(0, 6), [null, null, null, null, null, null]);
  assert.equal(input.targets[6]?.length, PROBE_SIZES.O);
  assert.equal(input.params.Whh.length, PROBE_SIZES.H);
});

test('clipping the probe brings the global norm down to the threshold, and only when ‖g‖ is above it (‖g‖ from the oracle)', () => {
  const problem = probeProblem(PROBE_DEFAULTS);
  const { params, xs, target, T } = problem;
  const values = new Float64Array(T * PROBE_SIZES.O);
  values.set(target, (T - 1) * PROBE_SIZES.O);
  // The independent plain-loops BPTT, not the engine's: the factor is checked against its norm.
  const oracle = plainBptt(params, { B: 1, T, D: PROBE_SIZES.D, xs }, { kind: 'mse', values }, { kind: 'mse', at: 'last' });
  const threshold = 0.05;
  assert.ok(oracle.gradNorm > 2 * threshold, `the probe's ‖g‖ = ${oracle.gradNorm} must exceed the threshold for this test to clip`);
  const clipped = engineProbe(testEngine, problem, threshold);
  // After clipping, factor·‖g‖ is the threshold itself (not a factor the test derived from the engine).
  assert.ok(Math.abs(clipped.clipFactor * oracle.gradNorm - threshold) <= 1e-12 * threshold, `factor ${clipped.clipFactor}·${oracle.gradNorm} ≠ ${threshold}`);
  clipped.norms.forEach((n, t) => assert.ok(Math.abs(n - oracle.hiddenGradNorms[t]) <= 1e-12 * oracle.hiddenGradNorms[t], `‖∂L/∂h_${t + 1}‖`));
  assert.equal(engineProbe(testEngine, problem, null).clipFactor, 1);
  assert.equal(engineProbe(testEngine, problem, 2 * oracle.gradNorm).clipFactor, 1, 'a threshold above ‖g‖ leaves the gradient alone');
  assert.equal(engineProbe(testEngine, problem, engineProbe(testEngine, problem, null).gradNorm).clipFactor, 1, 'a norm exactly at the threshold is not clipped (strict >)');
});

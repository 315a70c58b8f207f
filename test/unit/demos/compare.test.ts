import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstDisagreement, gradientSummary, shortNumber } from '../../../src/demos/compare';
import { engineProbe, probeProblem, PROBE_DEFAULTS, PROBE_SIZES, studentProbeInput } from '../../../src/demos/probeProblem';

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

test('clipping the probe scales the whole curve by clip / ‖g‖ and only when ‖g‖ is above it', () => {
  const problem = probeProblem(PROBE_DEFAULTS);
  const free = engineProbe(problem, null);
  assert.equal(free.clipFactor, 1);
  const clipped = engineProbe(problem, free.gradNorm / 4);
  assert.ok(Math.abs(clipped.clipFactor - 0.25) < 1e-12);
  assert.equal(engineProbe(problem, free.gradNorm * 2).clipFactor, 1);
});

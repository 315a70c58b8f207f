import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { trainedBuffers, type LossSpec } from '../../../src/engine';
import { testEngine } from '../../support/engine';
import { randomProblem } from './support';

// Central differences: (L(θ+h) − L(θ−h)) / 2h has truncation error O(h²) ≈ 1e-10 and rounding
// error ≈ ε·|L|/h ≈ 1e-11 for h = 1e-5, so 1e-6 relative (plus a 1e-8 floor) is a tolerance that
// passes a correct gradient with a wide margin and catches any wrong term (those are O(1) off).
const H_STEP = 1e-5;
const REL = 1e-6;
const ABS = 1e-8;

const shapes = [
  { label: 'B=1, T=1', B: 1, T: 1, D: 2, H: 3, O: 3 },
  { label: 'B=1, T=5', B: 1, T: 5, D: 2, H: 4, O: 3 },
  { label: 'B=3, T=1', B: 3, T: 1, D: 3, H: 3, O: 2 },
  { label: 'B=3, T=4', B: 3, T: 4, D: 2, H: 5, O: 3 },
  // Sizes that are multiples of 4 go through the SIMD kernels end to end.
  { label: 'B=4, T=3, H=8 (SIMD-sized)', B: 4, T: 3, D: 4, H: 8, O: 4 },
];
const losses: LossSpec[] = [
  { kind: 'mse', at: 'last' }, { kind: 'mse', at: 'all' }, { kind: 'xent', at: 'last' }, { kind: 'xent', at: 'all' },
];
const NAMES = ['Wxh', 'Whh', 'bh', 'Why', 'by'];

describe('BPTT gradients agree with central finite differences', () => {
  let seed = 100;
  for (const shape of shapes) {
    for (const loss of losses) {
      const s = seed++;
      test(`${loss.kind} at ${loss.at}, ${shape.label}`, () => {
        const { params, batch, targets } = randomProblem(s, shape, loss);
        const analytic = testEngine.bptt(params, batch, targets, loss);
        const buffers = trainedBuffers(params);
        const grads = trainedBuffers(analytic.grads);
        let checked = 0;
        buffers.forEach((theta, k) => {
          for (let i = 0; i < theta.length; i++) {
            const keep = theta[i];
            theta[i] = keep + H_STEP;
            const up = testEngine.bptt(params, batch, targets, loss).loss;
            theta[i] = keep - H_STEP;
            const down = testEngine.bptt(params, batch, targets, loss).loss;
            theta[i] = keep;
            const numeric = (up - down) / (2 * H_STEP);
            const g = grads[k][i];
            assert.ok(Math.abs(numeric - g) <= ABS + REL * Math.max(Math.abs(g), Math.abs(numeric)),
              `d${NAMES[k]}[${i}]: BPTT ${g}, finite difference ${numeric}`);
            checked++;
          }
        });
        assert.ok(checked > 20);
      });
    }
  }
});

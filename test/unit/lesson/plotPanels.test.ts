// The student plot's two panels, held to the plain reference BPTT: ∂L/∂Whh as the sum of the
// per-step contributions δ_t·h_{t−1}ᵀ, and clipping as a rescaling of the parameter gradients.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { globalNorm } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { probeProblem, PROBE_DEFAULTS, type ProbeControls } from '../../../src/demos/probeProblem';
import { agrees } from '../../../src/engine';
import { clippingReadout } from '../../../webview/plot/clippingReadout';
import { probeBackward } from '../../../webview/plot/probeBackward';
import { relativeMaxDifference, whhContributions } from '../../../webview/plot/whhContributions';
import { testEngine } from '../../support/engine';

function oracle(controls: ProbeControls) {
  const { params, xs, target, T } = probeProblem(controls);
  const O = params.Why.rows, D = params.Wxh.cols;
  const values = new Float64Array(T * O);
  values.set(target, (T - 1) * O);
  return plainBptt(params, { B: 1, T, D, xs }, { kind: 'mse', values }, { kind: 'mse', at: 'last' });
}

const CASES: ProbeControls[] = [PROBE_DEFAULTS, { ...PROBE_DEFAULTS, radius: 1.5, T: 25 }, { ...PROBE_DEFAULTS, T: 10, inputScale: 3 }];

test('the per-step contributions δ_t·h_{t−1}ᵀ add up to the reference dWhh', () => {
  for (const c of CASES) {
    const b = probeBackward(testEngine, probeProblem(c));
    assert.equal(b.hs.length, c.T + 1, 'h_0..h_T');
    assert.deepEqual(Array.from(b.hs[0]), Array.from(probeProblem(c).params.h0), 'h_0 is the initial state');
    const { sum, norms } = whhContributions(b.hs, b.dhs);
    assert.equal(norms.length, c.T);
    assert.ok(relativeMaxDifference(sum, oracle(c).grads.Whh.data) < 1e-12, JSON.stringify(c));
    // The engine's dhs are the reference's ‖∂L/∂h_t‖ at every step t = 1..T.
    const ref = oracle(c).hiddenGradNorms;
    b.dhs.forEach((v, i) => assert.ok(Math.abs(Math.hypot(...v) - ref[i]) <= 1e-12 * ref[i] + 1e-300, `step ${i + 1}`));
  }
});

test('each contribution\'s size is the Frobenius norm of the outer product, written out', () => {
  const b = probeBackward(testEngine, probeProblem({ ...PROBE_DEFAULTS, T: 12 }));
  const { norms } = whhContributions(b.hs, b.dhs);
  const H = b.hs[0].length;
  for (let t = 1; t <= 12; t++) {
    let s = 0;
    for (let i = 0; i < H; i++) {
      const delta = b.dhs[t - 1][i] * (1 - b.hs[t][i] ** 2);
      for (let j = 0; j < H; j++) s += (delta * b.hs[t - 1][j]) ** 2;
    }
    assert.ok(Math.abs(norms[t - 1] - Math.sqrt(s)) <= 1e-12 * Math.sqrt(s), `step ${t}`);
  }
  // The plot's note: with h_0 = 0, step 1 contributes δ_1·h_0ᵀ = 0 exactly, and every later step does not.
  assert.ok(b.hs[0].every((x) => x === 0));
  assert.equal(norms[0], 0);
  assert.ok(norms.slice(1).every((n) => n > 0));
});

test('a dWhh that keeps only the last step\'s contribution does not add up (the weights-not-shared mistake)', () => {
  const b = probeBackward(testEngine, probeProblem(PROBE_DEFAULTS));
  const T = PROBE_DEFAULTS.T;
  const lastOnly = whhContributions(b.hs.slice(T - 1), b.dhs.slice(T - 1)).sum;
  const { sum } = whhContributions(b.hs, b.dhs);
  assert.ok(!agrees(Array.from(sum), Array.from(lastOnly)));
  assert.equal(relativeMaxDifference(sum, sum), 0);
  assert.ok(Number.isNaN(relativeMaxDifference([NaN], [1])));
  assert.equal(relativeMaxDifference([1, 2], [1]), Infinity);
  assert.throws(() => whhContributions(b.hs.slice(1), b.dhs), /needs h_0\.\.h_T/);
});

test('clipping rescales all five gradients by one factor to the threshold; without one, nothing changes', () => {
  const ref = oracle(PROBE_DEFAULTS);
  const norm = globalNorm(ref.grads);
  const b = probeBackward(testEngine, probeProblem(PROBE_DEFAULTS));
  const none = clippingReadout(b.grads, null);
  assert.ok(Math.abs(none.normBefore - norm) < 1e-12 * norm);
  assert.equal(none.factor, 1);
  assert.equal(none.normAfter, none.normBefore);

  const threshold = norm / 4;
  const r = clippingReadout(b.grads, threshold);
  assert.ok(Math.abs(r.normAfter - threshold) < 1e-12 * threshold);
  assert.ok(Math.abs(r.factor - 0.25) < 1e-12);
  for (const p of r.perParameter) assert.ok(Math.abs(p.after - 0.25 * p.before) <= 1e-12 * p.before, p.name);
  assert.deepEqual(r.perParameter.map((p) => p.name), ['Wxh', 'Whh', 'bh', 'Why', 'by']);

  const above = clippingReadout(b.grads, norm * 2);
  assert.equal(above.factor, 1);
  // ∂L/∂h_t is computed before clipping: the panel never touches b.dhs.
  assert.ok(relativeMaxDifference(b.dhs.flatMap((v) => Array.from(v)), probeBackward(testEngine, probeProblem(PROBE_DEFAULTS)).dhs.flatMap((v) => Array.from(v))) === 0);
});

// The horizon demo: the split of ∂L/∂Whh by lag, recomputed independently — by forward products
// of Jacobians (the demo sweeps backwards), checked against the reference BPTT's ∂L/∂Whh, and on a
// small problem by finite differences of untied per-step copies of Whh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, delayedEcho, initParams, spectralRadius, type RnnParams, type SequenceBatch } from '../../../src/engine';
import { contributionNorms, whhContributionsByLag } from '../../../src/demos/horizon';
import { horizonDemo, HORIZON_DEFAULTS, horizonSeries, horizonStory, horizonTask } from '../../../src/demos/horizonDemo';
import { shortNumber } from '../../../src/demos/compare';
import { TRAIN_DEFAULTS, trainStart } from '../../../src/demos/trainDemo';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { demoById } from '../../../src/lesson/demos';
import { forwardOne, relDiff } from './reference';
import { testEngine } from '../../support/engine';

/**
 * C_k = Σ_b Σ_t (∂ℓ_t/∂a_s) h_{s−1}ᵀ with s = t − k + 1, where ∂ℓ_t/∂a_s = M_{s→t}ᵀ Whyᵀ dℓ/dy_t and
 * M_{s→t} = ∂h_t/∂a_s = D_t Whh D_{t−1} ⋯ Whh D_s (D = diag(1 − h²)), built forwards from s.
 */
function lagsByForwardJacobians(p: RnnParams, batch: SequenceBatch, values: Float64Array): number[] {
  const { B, T } = batch, H = p.Whh.rows;
  const C = Array.from({ length: T }, () => new Float64Array(H * H));
  for (let b = 0; b < B; b++) {
    const { hs, ys } = forwardOne(p, batch, b);
    const D = (t: number) => hs[t].map((h) => 1 - h * h);
    for (let s = 1; s <= T; s++) {
      let M = new Float64Array(H * H); // M_{s→s} = D_s
      for (let i = 0; i < H; i++) M[i * H + i] = D(s)[i];
      for (let t = s; t <= T; t++) {
        if (t > s) { // M_{s→t} = D_t Whh M_{s→t−1}
          const next = new Float64Array(H * H), Dt = D(t);
          for (let i = 0; i < H; i++) for (let k = 0; k < H; k++) {
            const w = Dt[i] * p.Whh.data[i * H + k];
            for (let j = 0; j < H; j++) next[i * H + j] += w * M[k * H + j];
          }
          M = next;
        }
        const g = p.Why.data.map((w) => w * (ys[t - 1][0] - values[b * T + t - 1]) / B); // Whyᵀ dℓ_t/dy_t (O = 1)
        const c = C[t - s];
        for (let j = 0; j < H; j++) {
          let da = 0;
          for (let i = 0; i < H; i++) da += M[i * H + j] * g[i];
          for (let l = 0; l < H; l++) c[j * H + l] += da * hs[s - 1][l];
        }
      }
    }
  }
  return C.map((m) => Math.sqrt(m.reduce((a, v) => a + v * v, 0)));
}

const demo = horizonDemo(testEngine);
const task = horizonTask(HORIZON_DEFAULTS);
const p = trainStart(TRAIN_DEFAULTS);
const values = (task.targets as { values: Float64Array }).values;
const independent = lagsByForwardJacobians(p, task.batch, values);

test('the lags add up to the reference BPTT\'s ∂L/∂Whh', () => {
  const sizes = { D: 1, H: TRAIN_DEFAULTS.H, O: 1 };
  const parts = whhContributionsByLag(testEngine, p, task.batch, task.targets, task.loss, sizes);
  const whole = plainBptt(p, task.batch, task.targets, task.loss).grads.Whh.data;
  const scale = Math.max(...whole.map(Math.abs));
  whole.forEach((v, i) => assert.ok(Math.abs(v - parts.reduce((s, c) => s + c[i], 0)) < 1e-12 * scale, `entry ${i}`));
});

test('each lag\'s norm matches the forward-Jacobian computation', () => {
  assert.equal(demo.norms.length, TRAIN_DEFAULTS.T);
  independent.forEach((v, k) => {
    if (v === 0) assert.equal(demo.norms[k], 0, `k = ${k + 1}`);
    else assert.ok(relDiff(v, demo.norms[k]) < 1e-8, `k = ${k + 1}: ${v} vs ${demo.norms[k]}`);
  });
});

test('on a small problem each lag equals finite differences of untied per-step copies of Whh', () => {
  const sizes = { D: 1, H: 3, O: 1 };
  const q = initParams(sizes, createRng(11), { scheme: 'gaussian', biasScale: 0.3, h0: new Float64Array([0.2, -0.1, 0.3]) });
  const small = delayedEcho({ B: 2, T: 5, delay: 1 }, createRng(12));
  const vals = (small.targets as { values: Float64Array }).values;
  const parts = whhContributionsByLag(testEngine, q, small.batch, small.targets, small.loss, sizes);
  // L with Whh replaced by Whh + ε·E_ij at step s only; (L(+ε) − L(−ε)) / 2ε = Σ_t (∂ℓ_t/∂a_s)_i h_{s−1, j}.
  const lossWithCopy = (s: number, i: number, j: number, eps: number, lossStep: number): number => {
    let L = 0;
    for (let b = 0; b < 2; b++) {
      let h = q.h0.slice();
      for (let t = 1; t <= 5; t++) {
        const a = new Float64Array(3);
        for (let r = 0; r < 3; r++) {
          a[r] = q.bh[r] + q.Wxh.data[r] * small.batch.xs[b * 5 + t - 1];
          for (let c = 0; c < 3; c++) a[r] += (q.Whh.data[r * 3 + c] + (t === s && r === i && c === j ? eps : 0)) * h[c];
        }
        h = a.map(Math.tanh);
        const y = q.by[0] + q.Why.data.reduce((acc, w, c) => acc + w * h[c], 0);
        if (t === lossStep) L += 0.5 * (y - vals[b * 5 + t - 1]) ** 2 / 2;
      }
    }
    return L;
  };
  for (let k = 1; k <= 5; k++) {
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      let fd = 0;
      for (let t = k; t <= 5; t++) {
        const s = t - k + 1;
        fd += (lossWithCopy(s, i, j, 1e-6, t) - lossWithCopy(s, i, j, -1e-6, t)) / 2e-6;
      }
      assert.ok(Math.abs(fd - parts[k - 1][i * 3 + j]) < 1e-7, `k = ${k}, (${i}, ${j}): ${fd} vs ${parts[k - 1][i * 3 + j]}`);
    }
  }
});

test('short lags dominate: the lag the echo needs carries under a thousandth of the lag-1 part, as the caption and look-for say', () => {
  const k = HORIZON_DEFAULTS.delay;
  assert.equal(k, 16);
  const ratio = independent[k - 1] / independent[0];
  assert.ok(ratio < 1e-3, `ratio ${ratio}`);
  // "shrinks roughly geometrically with k" (the train demo's caption): five lags further back is always smaller.
  for (let j = 0; j + 5 < TRAIN_DEFAULTS.T - 1; j++) assert.ok(independent[j + 5] < independent[j], `k = ${j + 6} vs k = ${j + 1}`);
  // k = T reads h_0 = 0.
  assert.equal(independent[TRAIN_DEFAULTS.T - 1], 0);
  const story = horizonStory(demo);
  assert.ok(story.includes(`contribute a part of norm ${shortNumber(independent[0])}`), story);
  assert.ok(story.includes(`only ${shortNumber(independent[k - 1])}: ${shortNumber(ratio)} of it`), story);
  assert.ok(story.includes(`spectral radius of Whh ${spectralRadius(p.Whh).toFixed(2)}`), story);
  assert.match(demoById('horizon').lookFor, /pairs 16 apart, which the delay-16 echo needs, contribute less than a thousandth as much as the pairs 1 apart/);
});

test('series: id "contribution" against k = 1..T', () => {
  const [s] = horizonSeries(demo);
  assert.equal(s.id, 'contribution');
  assert.deepEqual(s.x, Array.from({ length: TRAIN_DEFAULTS.T }, (_, i) => i + 1));
  assert.deepEqual(contributionNorms([new Float64Array([3, 4])]), [5]);
});

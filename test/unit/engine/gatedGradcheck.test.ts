// The gated cells against oracles that share no code with them: the plain-loops LSTM and GRU of
// gatedReference.ts (itself held to the golden cases here), central finite differences of that
// reference's loss, and closed forms for one unit and one step, and for the cell path alone.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  adamConfig, adamStart, adamUpdate, batchFromNested, createRng, gatedBptt, gatedBuffers, gatedParamsFromNested, gatedSgdStep,
  initGatedParams, targetsFromNested, type CellKind, type GatedParams, type LossSpec, type SequenceBatch, type Targets,
} from '../../../src/engine';
import { referenceGatedBptt, referenceGatedForward } from './gatedReference';
import { CASES_DIR } from './support';

const GATED_DIR = join(CASES_DIR, 'gated');
const rel = (a: number, b: number): number => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

function problem(cell: CellKind, seed: number, s: { B: number; T: number; D: number; H: number; O: number }, loss: LossSpec): {
  p: GatedParams; batch: SequenceBatch; targets: Targets;
} {
  const rng = createRng(seed);
  const base = initGatedParams(cell, s, rng, { forgetBias: 0.5 });
  // Larger weights than the default start, non-zero biases and states: every term of the maths matters.
  for (const buf of gatedBuffers(base)) for (let i = 0; i < buf.length; i++) buf[i] = rng.between(-0.9, 0.9);
  base.h0.forEach((_, i) => { base.h0[i] = rng.between(-0.5, 0.5); });
  if (base.cell === 'lstm') base.c0.forEach((_, i) => { base.c0[i] = rng.between(-1, 1); });
  const xs = new Float64Array(s.B * s.T * s.D).map(() => rng.between(-1, 1));
  const targets: Targets = loss.kind === 'mse'
    ? { kind: 'mse', values: new Float64Array(s.B * s.T * s.O).map(() => rng.between(-1, 1)) }
    : { kind: 'xent', classes: new Int32Array(s.B * s.T).map(() => rng.int(s.O)) };
  return { p: base, batch: { B: s.B, T: s.T, D: s.D, xs }, targets };
}

test('the plain-loops reference reproduces every gated golden case (so it can serve as an oracle)', () => {
  const files = readdirSync(GATED_DIR).filter((f) => f.endsWith('.json'));
  assert.equal(files.length, 8);
  for (const file of files) {
    const c = JSON.parse(readFileSync(join(GATED_DIR, file), 'utf8')) as {
      cell: CellKind; params: unknown; xs: unknown; loss: LossSpec; targets: unknown;
      expected: { loss: number; gradNorm: number; hiddenGradNorms: number[]; cellGradNorms?: number[] };
    };
    const batch = batchFromNested(c.xs);
    const r = referenceGatedBptt(gatedParamsFromNested(c.cell, c.params), batch, targetsFromNested(c.targets, c.loss, batch.B, batch.T), c.loss);
    assert.ok(rel(r.loss, c.expected.loss) < 1e-10, `${file}: loss`);
    assert.ok(rel(r.gradNorm, c.expected.gradNorm) < 1e-9, `${file}: gradNorm`);
    c.expected.hiddenGradNorms.forEach((e, t) => assert.ok(rel(r.hiddenGradNorms[t], e) < 1e-9, `${file}: hidden ${t}`));
    (c.expected.cellGradNorms ?? []).forEach((e, t) => assert.ok(rel(r.cellGradNorms[t], e) < 1e-9, `${file}: cell ${t}`));
  }
});

const SHAPES = [
  { B: 2, T: 4, D: 3, H: 3, O: 2, loss: { kind: 'mse', at: 'all' } as LossSpec },
  { B: 1, T: 6, D: 2, H: 4, O: 3, loss: { kind: 'xent', at: 'last' } as LossSpec },
  { B: 3, T: 3, D: 1, H: 2, O: 2, loss: { kind: 'xent', at: [true, false, true] } as LossSpec },
];

describe('every gradient entry agrees with central finite differences of the reference loss', () => {
  for (const cell of ['lstm', 'gru'] as const) {
    SHAPES.forEach((s, n) => {
      test(`${cell}, B ${s.B} T ${s.T} D ${s.D} H ${s.H} O ${s.O}, ${s.loss.kind}`, () => {
        const { p, batch, targets } = problem(cell, 100 + n, s, s.loss);
        const r = gatedBptt(p, batch, targets, s.loss);
        const eps = 1e-6;
        const names = ['Wx', 'Wh', 'b', 'Why', 'by'];
        gatedBuffers(p).forEach((buf, k) => {
          const g = gatedBuffers(r.grads)[k];
          for (let i = 0; i < buf.length; i++) {
            const keep = buf[i];
            buf[i] = keep + eps; const up = referenceGatedForward(p, batch, targets, s.loss).loss;
            buf[i] = keep - eps; const down = referenceGatedForward(p, batch, targets, s.loss).loss;
            buf[i] = keep;
            const fd = (up - down) / (2 * eps);
            assert.ok(Math.abs(fd - g[i]) <= 1e-7 + 1e-6 * Math.abs(fd), `${names[k]}[${i}]: engine ${g[i]}, finite differences ${fd}`);
          }
        });
        const ref = referenceGatedBptt(p, batch, targets, s.loss);
        assert.ok(rel(r.loss, ref.loss) < 1e-12);
        r.hiddenGradNorms.forEach((v, t) => assert.ok(rel(v, ref.hiddenGradNorms[t]) < 1e-10, `hidden ${t}`));
        if (cell === 'lstm') r.cellGradNorms?.forEach((v, t) => assert.ok(rel(v, ref.cellGradNorms[t]) < 1e-10, `cell ${t}`));
        else assert.equal(r.cellGradNorms, null);
      });
    });
  }
});

test('LSTM, one unit, one step: the closed form of every gradient', () => {
  const [wi, wf, wg, wo] = [0.3, -0.4, 0.8, 0.5], [ui, uf, ug, uo] = [-0.2, 0.6, 0.1, -0.7], [bi, bf, bg, bo] = [0.1, 1, -0.3, 0.2];
  const why = 1.3, by = -0.1, h0 = 0.4, c0 = -0.6, x = 0.9, target = 0.25;
  const p = gatedParamsFromNested('lstm', {
    Wx: [[wi], [wf], [wg], [wo]], Wh: [[ui], [uf], [ug], [uo]], b: [bi, bf, bg, bo], Why: [[why]], by: [by], h0: [h0], c0: [c0],
  });
  const r = gatedBptt(p, { B: 1, T: 1, D: 1, xs: new Float64Array([x]) }, { kind: 'mse', values: new Float64Array([target]) }, { kind: 'mse', at: 'last' });
  const s = (a: number): number => 1 / (1 + Math.exp(-a));
  const i = s(wi * x + ui * h0 + bi), f = s(wf * x + uf * h0 + bf), g = Math.tanh(wg * x + ug * h0 + bg), o = s(wo * x + uo * h0 + bo);
  const c = f * c0 + i * g, h = o * Math.tanh(c), e = why * h + by - target;
  const dh = why * e, dc = dh * o * (1 - Math.tanh(c) ** 2);
  const db = [dc * g * i * (1 - i), dc * c0 * f * (1 - f), dc * i * (1 - g * g), dh * Math.tanh(c) * o * (1 - o)];
  assert.ok(rel(r.loss, 0.5 * e * e) < 1e-14);
  assert.ok(rel(r.hiddenGradNorms[0], Math.abs(dh)) < 1e-14);
  assert.ok(rel(r.cellGradNorms?.[0] ?? NaN, Math.abs(dc)) < 1e-14);
  db.forEach((v, k) => {
    assert.ok(rel(r.grads.b[k], v) < 1e-13, `b block ${k}`);
    assert.ok(rel(r.grads.Wx.data[k], v * x) < 1e-13, `Wx block ${k}`);
    assert.ok(rel(r.grads.Wh.data[k], v * h0) < 1e-13, `Wh block ${k}`);
  });
  assert.ok(rel(r.grads.Why.data[0], e * h) < 1e-14);
  assert.ok(rel(r.grads.by[0], e) < 1e-14);
});

test('GRU, one unit, one step: the closed form of every gradient (r multiplies Wh_n h_0, after the product)', () => {
  const [wr, wz, wn] = [0.3, -0.4, 0.8], [ur, uz, un] = [-0.2, 0.6, 0.9], [br, bz, bn] = [0.1, 0.5, -0.3];
  const why = 1.3, by = -0.1, h0 = 0.4, x = 0.9, target = 0.25;
  const p = gatedParamsFromNested('gru', { Wx: [[wr], [wz], [wn]], Wh: [[ur], [uz], [un]], b: [br, bz, bn], Why: [[why]], by: [by], h0: [h0] });
  const r = gatedBptt(p, { B: 1, T: 1, D: 1, xs: new Float64Array([x]) }, { kind: 'mse', values: new Float64Array([target]) }, { kind: 'mse', at: 'last' });
  const s = (a: number): number => 1 / (1 + Math.exp(-a));
  const rr = s(wr * x + ur * h0 + br), z = s(wz * x + uz * h0 + bz), n = Math.tanh(wn * x + bn + rr * un * h0);
  const h = (1 - z) * n + z * h0, e = why * h + by - target, dh = why * e;
  const dn = dh * (1 - z) * (1 - n * n), dz = dh * (h0 - n) * z * (1 - z), dr = dn * un * h0 * rr * (1 - rr);
  assert.ok(rel(r.loss, 0.5 * e * e) < 1e-14);
  assert.ok(rel(r.hiddenGradNorms[0], Math.abs(dh)) < 1e-14);
  [dr, dz, dn].forEach((v, k) => {
    assert.ok(rel(r.grads.b[k], v) < 1e-13, `b block ${k}`);
    assert.ok(rel(r.grads.Wx.data[k], v * x) < 1e-13, `Wx block ${k}`);
  });
  assert.ok(rel(r.grads.Wh.data[0], dr * h0) < 1e-13);
  assert.ok(rel(r.grads.Wh.data[1], dz * h0) < 1e-13);
  assert.ok(rel(r.grads.Wh.data[2], dn * rr * h0) < 1e-13, 'dWh_n carries the reset gate');
  assert.equal(r.cellGradNorms, null);
});

test('the cell path alone: with Wh = 0 and the loss at T, ‖dL/dc_t‖ = ‖dL/dc_T‖·f_{t+1}···f_T (LSTM), ‖dL/dh_t‖ = ‖dL/dh_T‖·z_{t+1}···z_T (GRU)', () => {
  const T = 12, xs = new Float64Array(T).map((_, t) => Math.sin(t + 1));
  const s = (a: number): number => 1 / (1 + Math.exp(-a));
  const lstm = gatedParamsFromNested('lstm', { Wx: [[0.2], [0.7], [-0.5], [0.3]], Wh: [[0], [0], [0], [0]], b: [0, 1, 0, 0], Why: [[1]], by: [0], h0: [0], c0: [0] });
  const r = gatedBptt(lstm, { B: 1, T, D: 1, xs }, { kind: 'mse', values: new Float64Array(T).fill(1) }, { kind: 'mse', at: 'last' });
  let product = 1;
  for (let t = T - 1; t >= 1; t--) {
    product *= s(0.7 * xs[t] + 1); // f_{t+1}: xs[t] is x_{t+1}
    assert.ok(rel(r.cellGradNorms?.[t - 1] ?? NaN, (r.cellGradNorms?.[T - 1] ?? NaN) * product) < 1e-13, `t = ${t}`);
  }
  const gru = gatedParamsFromNested('gru', { Wx: [[0.2], [0.7], [-0.5]], Wh: [[0], [0], [0]], b: [0, 1, 0], Why: [[1]], by: [0], h0: [0] });
  const q = gatedBptt(gru, { B: 1, T, D: 1, xs }, { kind: 'mse', values: new Float64Array(T).fill(1) }, { kind: 'mse', at: 'last' });
  product = 1;
  for (let t = T - 1; t >= 1; t--) {
    product *= s(0.7 * xs[t] + 1);
    assert.ok(rel(q.hiddenGradNorms[t - 1], q.hiddenGradNorms[T - 1] * product) < 1e-13, `t = ${t}`);
  }
});

test('SGD and Adam steps: the plain RNN\'s clipping rule (strict >), then θ − lr·scale·g, or Adam\'s closed form', () => {
  const { p, batch, targets } = problem('lstm', 7, { B: 2, T: 5, D: 2, H: 3, O: 2 }, { kind: 'mse', at: 'all' });
  const loss: LossSpec = { kind: 'mse', at: 'all' };
  const ref = referenceGatedBptt(p, batch, targets, loss);
  const clip = ref.gradNorm / 2;
  const { params, record } = gatedSgdStep(p, batch, targets, loss, 0.1, clip, 1);
  assert.ok(record.clipped);
  assert.ok(rel(record.appliedNorm, clip) < 1e-12);
  const flat = [ref.grads.Wx, ref.grads.Wh, ref.grads.b, ref.grads.Why, ref.grads.by];
  gatedBuffers(params).forEach((w, k) => w.forEach((v, i) => assert.ok(Math.abs(v - (gatedBuffers(p)[k][i] - 0.1 * 0.5 * flat[k][i])) < 1e-12)));
  assert.equal(gatedSgdStep(p, batch, targets, loss, 0.1, ref.gradNorm, 1).record.clipped, false, 'a norm exactly at the threshold is left alone');
  // Adam: step 1 moves every entry by lr·g/(|g| + ε); step 2 by lr·m̂/(√v̂ + ε) with the moments written out.
  const w = [new Float64Array([1, -2])], g1 = [new Float64Array([0.5, -3])], g2 = [new Float64Array([-1, 2])];
  const cfg = adamConfig(0.01);
  const s1 = adamUpdate(cfg, adamStart(w), w, g1, 1);
  [0, 1].forEach((i) => assert.ok(Math.abs(w[0][i] - ([1, -2][i] - 0.01 * g1[0][i] / (Math.abs(g1[0][i]) + 1e-8))) < 1e-15));
  const before = w[0].slice();
  adamUpdate(cfg, s1, w, g2, 0.5);
  [0, 1].forEach((i) => {
    const m = 0.9 * 0.1 * g1[0][i] + 0.1 * 0.5 * g2[0][i], v = 0.999 * 0.001 * g1[0][i] ** 2 + 0.001 * (0.5 * g2[0][i]) ** 2;
    const step = 0.01 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 ** 2)) + 1e-8);
    assert.ok(Math.abs(w[0][i] - (before[i] - step)) < 1e-15, `entry ${i}`);
  });
});

// The gating demo (the Week-11 preview), recomputed here without the code that draws it: every cell
// retrained on the same fresh batches with the tests' own plain-loops LSTM and GRU
// (test/unit/engine/gatedReference.ts), the plain reference BPTT for the RNN, an Adam step and the
// clipping rule written in this file; held-out accuracy scored by the tests' own forward passes.
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import type { GatedParams, LossSpec, RnnParams, SequenceTask } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { shortNumber } from '../../../src/demos/compare';
import { GATING_CELLS, GATING_DEFAULTS, gatingData, gatingDemo, gatingSeries, gatingStart, type GatingCell } from '../../../src/demos/gatingDemo';
import { gatingFacts, gatingStory } from '../../../src/demos/gatingStory';
import { presenterOrder } from '../../../src/demos/presenterOrder';
import { conceptCheckById } from '../../../src/lesson/conceptChecks';
import { demoById } from '../../../src/lesson/demos';
import { LECTURE } from '../../../src/lesson/schedule';
import { referenceGatedBptt, referenceGatedForward } from '../engine/gatedReference';
import { repoRoot } from '../../support/repoRoot';
import { forwardOne, relDiff } from './reference';
import { testEngine } from '../../support/engine';

const c = GATING_DEFAULTS;
const LAST: LossSpec = { kind: 'mse', at: 'last' };
const demo = gatingDemo(testEngine);
const facts = gatingFacts(demo);
const data = gatingData(c);

type Params = RnnParams | GatedParams;
const isGated = (p: Params): p is GatedParams => 'cell' in p;

/** The five trained buffers, copied (the reference trains on its own copies). */
function buffers(p: Params): Float64Array[] {
  return isGated(p) ? [p.Wx.data, p.Wh.data, p.b, p.Why.data, p.by] : [p.Wxh.data, p.Whh.data, p.bh, p.Why.data, p.by];
}
function copy(p: Params): Params {
  const m = (x: { rows: number; cols: number; data: Float64Array }) => ({ rows: x.rows, cols: x.cols, data: x.data.slice() });
  if (!isGated(p)) return { Wxh: m(p.Wxh), Whh: m(p.Whh), bh: p.bh.slice(), Why: m(p.Why), by: p.by.slice(), h0: p.h0.slice() };
  const w = { Wx: m(p.Wx), Wh: m(p.Wh), b: p.b.slice(), Why: m(p.Why), by: p.by.slice(), h0: p.h0.slice() };
  return p.cell === 'lstm' ? { ...w, cell: 'lstm', c0: p.c0.slice() } : { ...w, cell: 'gru' };
}

function reference(p: Params, task: SequenceTask, loss: LossSpec): { loss: number; gradNorm: number; grads: Float64Array[]; hidden: number[] } {
  if (isGated(p)) {
    const r = referenceGatedBptt(p, task.batch, task.targets, loss);
    return { loss: r.loss, gradNorm: r.gradNorm, grads: [r.grads.Wx, r.grads.Wh, r.grads.b, r.grads.Why, r.grads.by], hidden: r.hiddenGradNorms };
  }
  const r = plainBptt(p, task.batch, task.targets, loss);
  return { loss: r.loss, gradNorm: r.gradNorm, grads: [r.grads.Wxh.data, r.grads.Whh.data, r.grads.bh, r.grads.Why.data, r.grads.by], hidden: Array.from(r.hiddenGradNorms) };
}

/** ‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖ at lag k on the probe batch, loss at the last step. */
function ratioAt(p: Params, k: number): number {
  const h = reference(p, data.probe, LAST).hidden;
  return h[c.T - 1 - k] / h[c.T - 1];
}

/** Sign of y_t against the target at the steps t > delay, over the held-out sequences. */
function accuracy(p: Params): number {
  const held = data.heldOut;
  const values = (held.targets as { values: Float64Array }).values;
  const ys = isGated(p) ? referenceGatedForward(p, held.batch, held.targets, held.loss).ys : null;
  let right = 0, scored = 0;
  for (let b = 0; b < held.batch.B; b++) {
    const y = ys ? ys[b].map((v) => v[0]) : forwardOne(p as RnnParams, held.batch, b).ys.map((v) => v[0]);
    for (let t = c.delay + 1; t <= c.T; t++) { scored++; if (Math.sign(y[t - 1]) === values[b * c.T + t - 1]) right++; }
  }
  return right / scored;
}

/** Adam (β₁ 0.9, β₂ 0.999, ε 1e-8) on the gradient clipped by its global norm (scale clip/‖g‖ when ‖g‖ > clip). */
function retrain(cell: GatingCell): { losses: number[]; clipped: number; final: number; params: Params } {
  let p = copy(gatingStart(cell, c));
  const { nextBatch } = gatingData(c);
  const m = buffers(p).map((b) => new Float64Array(b.length)), v = buffers(p).map((b) => new Float64Array(b.length));
  const losses: number[] = [];
  let clipped = 0;
  for (let s = 1; s <= c.steps; s++) {
    const task = nextBatch();
    const r = reference(p, task, task.loss);
    losses.push(r.loss);
    const scale = r.gradNorm > c.clip ? c.clip / r.gradNorm : 1;
    if (scale < 1) clipped++;
    const next = copy(p);
    buffers(next).forEach((w, k) => {
      for (let i = 0; i < w.length; i++) {
        const g = scale * r.grads[k][i];
        m[k][i] = 0.9 * m[k][i] + 0.1 * g;
        v[k][i] = 0.999 * v[k][i] + 0.001 * g * g;
        w[i] -= (c.lr * m[k][i] / (1 - 0.9 ** s)) / (Math.sqrt(v[k][i] / (1 - 0.999 ** s)) + 1e-8);
      }
    });
    p = next;
  }
  return { losses, clipped, final: accuracy(p), params: p };
}

const retrained = new Map(GATING_CELLS.map((cell) => [cell, retrain(cell)]));

test('untrained: the lag curves are the reference BPTT\'s, and the gradient fades with the lag in every cell, gated ones included', () => {
  for (const [i, cell] of GATING_CELLS.entries()) {
    const start = gatingStart(cell, c);
    for (const k of [0, 1, c.delay, c.T - 1]) assert.ok(relDiff(demo.runs[i].initRatio[k], ratioAt(start, k)) < 1e-9, `${cell}, k = ${k}`);
    assert.ok(ratioAt(start, c.T - 1) < 1e-3, `${cell}: ${ratioAt(start, c.T - 1)} at lag ${c.T - 1}`);
  }
  // The forget-gate bias sets the start: bias 1 keeps far more at the echo's lag than bias 0.
  assert.ok(ratioAt(gatingStart('lstm.forgetBias1', c), c.delay) > 10 * ratioAt(gatingStart('lstm.forgetBias0', c), c.delay));
  // The two LSTMs differ only in the forget-gate bias.
  const [b0, b1] = [gatingStart('lstm.forgetBias0', c), gatingStart('lstm.forgetBias1', c)] as GatedParams[];
  assert.deepEqual(b0.Wh.data, b1.Wh.data);
  assert.deepEqual(Array.from(b1.b.subarray(c.H, 2 * c.H)), new Array(c.H).fill(1));
});

test('trained: the losses, clipped steps, held-out accuracies and lag curves are the independent retraining\'s', () => {
  for (const [i, cell] of GATING_CELLS.entries()) {
    const ref = retrained.get(cell);
    assert.ok(ref);
    ref.losses.forEach((l, s) => assert.ok(relDiff(l, demo.runs[i].loss[s]) < 1e-6, `${cell}, step ${s + 1}: ${l} vs ${demo.runs[i].loss[s]}`));
    assert.equal(facts.clippedSteps[cell], ref.clipped, cell);
    assert.equal(facts.finalAccuracy[cell], ref.final, cell);
    assert.ok(relDiff(facts.trainedAtDelay[cell], ratioAt(ref.params, c.delay)) < 1e-4, `${cell}: ${facts.trainedAtDelay[cell]} vs ${ratioAt(ref.params, c.delay)}`);
  }
});

test('the look-for line: the LSTM with forget-gate bias 1 and the GRU beat chance and carry the gradient far further back; the plain RNN and the LSTM with bias 0 stay near 50 %', () => {
  for (const cell of ['lstm.forgetBias1', 'gru'] as const) {
    const ref = retrained.get(cell);
    assert.ok(ref && ref.final > 0.6, `${cell}: ${ref?.final}`);
    assert.ok(ratioAt(ref.params, c.delay) > 10 * ratioAt(gatingStart(cell, c), c.delay), cell);
  }
  for (const cell of ['rnn', 'lstm.forgetBias0'] as const) {
    const ref = retrained.get(cell);
    assert.ok(ref && Math.abs(ref.final - 0.5) < 0.05, `${cell}: ${ref?.final}`);
  }
  assert.equal(c.delay, 16);
  assert.match(demoById('gating').lookFor, /^Untrained, the gradient fades with the lag in every cell, gated ones included; after training on the delay-16 echo, the LSTM with forget-gate bias 1 and the GRU carry it far further back and beat chance on held-out sequences, while the plain RNN and the LSTM with bias 0 stay near 50 %\.$/);
});

test('the caption states the reference\'s numbers, and that clipping still acts on the gated cells', () => {
  const story = gatingStory(demo);
  for (const cell of GATING_CELLS) {
    const ref = retrained.get(cell);
    assert.ok(ref);
    const start = gatingStart(cell, c);
    assert.ok(story.includes(shortNumber(ratioAt(start, c.T - 1))), `${cell} untrained at lag ${c.T - 1}`);
    assert.ok(story.includes(`${shortNumber(ratioAt(start, c.delay))} to ${shortNumber(ratioAt(ref.params, c.delay))}`), `${cell} at lag ${c.delay}`);
    assert.ok(story.includes(`${Math.round(100 * ref.final)} %`), `${cell} accuracy`);
    // Gates do not stop large gradients: clipping rescaled a good part of every gated cell's steps.
    if (cell !== 'rnn') assert.ok(ref.clipped > c.steps / 3, `${cell}: ${ref.clipped}`);
  }
  assert.match(story, new RegExp(`After ${c.steps} training steps`));
  assert.match(story, /so clipping stays\.$/);
});

test('the series of rnn-lab demo gating --json: the §5b ids, lags 0..T−1 and accuracy from step 0', () => {
  const ids = gatingSeries(demo).map((s) => s.id);
  for (const cell of GATING_CELLS) for (const prefix of ['init', 'trained', 'heldOutAccuracy']) assert.ok(ids.includes(`${prefix}.${cell}`), `${prefix}.${cell}`);
  for (const s of gatingSeries(demo)) {
    if (s.id.startsWith('heldOutAccuracy.')) { assert.equal(s.x[0], 0); assert.equal(s.x[s.x.length - 1], c.steps); }
    else { assert.deepEqual(s.x, Array.from({ length: c.T }, (_, k) => k)); assert.equal(s.y[0], 1); }
  }
});

test('the wrap-up block and the clipping check\'s revealed answer link to the demo, right after clipping in the presenter flow', () => {
  assert.equal(LECTURE.blocks.find((b) => b.id === 'lecture.wrapUp')?.demo, 'gating');
  assert.equal(conceptCheckById('check.clipping')?.demo, 'gating');
  const order = presenterOrder();
  assert.equal(order.indexOf('gating'), order.indexOf('clipping') + 1);
});

test('the README\'s demo row states the reference\'s numbers', () => {
  const readme = readFileSync(path.join(repoRoot(), 'README.md'), 'utf8');
  const row = readme.split('\n').find((l) => l.startsWith('| `gating` |'));
  assert.ok(row, 'README has a row for gating');
  const at = (cell: GatingCell, k: number, trained: boolean): string => {
    const ref = retrained.get(cell);
    assert.ok(ref);
    return shortNumber(ratioAt(trained ? ref.params : gatingStart(cell, c), k));
  };
  assert.ok(row.includes(`at k = ${c.T - 1}: ${GATING_CELLS.map((cell) => at(cell, c.T - 1, false)).join(', ')}`), row);
  assert.ok(row.includes(`held-out accuracy ${GATING_CELLS.map((cell) => `${Math.round(100 * (retrained.get(cell)?.final ?? NaN))} %`).join(', ')}`), row);
  assert.ok(row.includes(`lag 16 up from ${at('lstm.forgetBias1', 16, false)} to ${at('lstm.forgetBias1', 16, true)} (LSTM, bias 1) and from ${at('gru', 16, false)} to ${at('gru', 16, true)} (GRU)`), row);
  assert.ok(row.includes(`Adam (lr ${c.lr}, clipped at ${c.clip}, ${c.steps} steps)`), row);
  // "most steps of the LSTM with bias 1 and of the GRU": more than half of each one's steps were clipped.
  for (const cell of ['lstm.forgetBias1', 'gru'] as const) assert.ok((retrained.get(cell)?.clipped ?? 0) > c.steps / 2, cell);
});

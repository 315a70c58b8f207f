// The clipping demo's caption, recomputed: both runs are retrained here with the plain reference
// BPTT and an SGD loop written in the test, and every number the caption states is checked
// against these numbers, not against the demo's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIPPING_DEFAULTS, clippingDemo, clippingSeries, clippingStart, clippingTask } from '../../../src/demos/clippingDemo';
import { clippingStory, LOW_LOSS } from '../../../src/demos/clippingStory';
import { shortNumber } from '../../../src/demos/compare';
import { demoById } from '../../../src/lesson/demos';
import { medianOf, referenceTraining, relDiff } from './reference';
import { testEngine } from '../../support/engine';

const o = CLIPPING_DEFAULTS;
const task = clippingTask(o);
const fixed = () => task;
const unclipped = referenceTraining(clippingStart(o), fixed, o.lr, null, o.steps, true).steps;
const clipped = referenceTraining(clippingStart(o), fixed, o.lr, o.threshold, o.steps, true).steps;
const demo = clippingDemo(testEngine);
const story = clippingStory(testEngine, demo);

test('the demo\'s curves are the reference training\'s (both runs, every step)', () => {
  for (const [name, ref, run] of [['unclipped', unclipped, demo.unclipped], ['clipped', clipped, demo.clipped]] as const) {
    assert.equal(run.loss.length, o.steps);
    ref.forEach((s, i) => {
      assert.ok(relDiff(s.loss, run.loss[i]) < 1e-6, `${name} loss at step ${i + 1}: ${s.loss} vs ${run.loss[i]}`);
      assert.ok(relDiff(s.gradNorm, run.gradNorm[i]) < 1e-6, `${name} norm at step ${i + 1}`);
      assert.ok(relDiff(s.meanAbsH, run.meanAbsH[i]) < 1e-6, `${name} mean |h| at step ${i + 1}`);
      assert.equal(s.clipped, run.clipped[i], `${name} clipped at step ${i + 1}`);
    });
  }
});

test('step 1: units nearly linear, and the gradient grows through time, in the recurrent weights', () => {
  const s = unclipped[0];
  assert.ok(s.meanAbsH < 0.3, `mean |h| ${s.meanAbsH}`);
  assert.ok(s.ratio > 10, `‖∂L/∂h₁‖/‖∂L/∂h_T‖ = ${s.ratio}`);
  // "nearly all of it in Wxh, Whh and bh": the output layer's part is under 5 % of the norm.
  assert.ok(s.outputLayerNorm < 0.05 * s.gradNorm, `output layer ${s.outputLayerNorm} of ${s.gradNorm}`);
  // The output layer alone could not diverge at this lr: lr·λmax(E[h hᵀ]) ≤ lr·H < 2 because |h| ≤ 1.
  assert.ok(o.lr * o.H < 2);
  assert.match(story, new RegExp(`mean \\|h\\| ${shortNumber(s.meanAbsH)}\\)`));
  assert.ok(story.includes(`‖∂L/∂h₁‖ is ${shortNumber(s.ratio)} × ‖∂L/∂h_${o.T}‖`), story);
  assert.ok(story.includes(`The global gradient norm is ${shortNumber(s.gradNorm)}, nearly all of it in Wxh, Whh and bh (the output layer's part is ${shortNumber(s.outputLayerNorm)})`), story);
});

test('without clipping: the first update has norm lr·‖g‖, the units move towards saturation, the gradient vanishes', () => {
  const first = unclipped[0], next = unclipped[1];
  assert.ok(first.gradNorm > o.threshold, 'step 1 is above the threshold (the caption talks about step 1)');
  assert.ok(relDiff(first.updateNorm, o.lr * first.gradNorm) < 1e-12);
  assert.ok(story.includes(`step 1 makes an update of norm lr·${shortNumber(first.gradNorm)} = ${shortNumber(first.updateNorm)}`), story);
  assert.ok(next.meanAbsH > 2 * first.meanAbsH, `mean |h| ${first.meanAbsH} → ${next.meanAbsH}`);
  assert.ok(next.ratio < 1e-6, `ratio after the jump ${next.ratio}`);
  assert.ok(story.includes(`(mean |h| ${shortNumber(next.meanAbsH)} one step later), the gradient now shrinks on its way back (ratio ${shortNumber(next.ratio)})`), story);
});

test('the loss: when each run first gets below 0.05 (a tenth of a constant output 0\'s loss), and where it ends', () => {
  // "0.5 for a constant output 0": the targets are ±1 at the last step, ½·1² averaged over the batch.
  const values = (task.targets as { values: Float64Array }).values;
  let zeroLoss = 0;
  for (let b = 0; b < o.B; b++) zeroLoss += 0.5 * values[b * o.T + o.T - 1] ** 2 / o.B;
  assert.equal(zeroLoss, 0.5);
  assert.equal(LOW_LOSS, zeroLoss / 10);
  const firstLow = (run: typeof unclipped) => run.findIndex((s) => s.loss < LOW_LOSS) + 1;
  const u = firstLow(unclipped), c = firstLow(clipped);
  assert.ok(c > 0 && u > 2 * c, `without clipping step ${u}, with clipping step ${c}`);
  assert.ok(story.includes(`first falls below ${LOW_LOSS} at step ${u} without clipping and at step ${c} with it`), story);
  const fu = unclipped[o.steps - 1].loss, fc = clipped[o.steps - 1].loss;
  assert.ok(fc < fu / 10, `final ${fu} vs ${fc}`);
  assert.ok(story.includes(`after ${o.steps} steps it is ${shortNumber(fu)} without and ${shortNumber(fc)} with clipping`), story);
});

test('with clipping: the gradient is capped at the threshold, every update at lr·threshold, on some steps only, and the run learns', () => {
  for (const s of clipped) {
    assert.ok(s.updateNorm <= o.lr * o.threshold * (1 + 1e-12), `update ${s.updateNorm}`);
    if (s.clipped) assert.ok(relDiff(s.updateNorm, o.lr * o.threshold) < 1e-12);
  }
  assert.ok(story.includes(`no update moves the weights by more than lr·${o.threshold} = ${shortNumber(o.lr * o.threshold)}`), story);
  const count = clipped.filter((s) => s.clipped).length;
  const fraction = count / o.steps;
  // Chosen from the observed norms: neither (almost) never nor (almost) always active.
  assert.ok(fraction > 0.05 && fraction < 0.5, `clipped on ${count} of ${o.steps}`);
  const norms = clipped.map((s) => s.gradNorm);
  const med = medianOf(norms);
  assert.ok(med < o.threshold && Math.max(...norms) > o.threshold, `median ${med}, max ${Math.max(...norms)}`);
  assert.ok(story.includes(`above the run's median norm (${shortNumber(med)})`), story);
  assert.ok(story.includes(`clipping acted on ${count} of ${o.steps} steps (${Math.round(100 * fraction)} %)`), story);
});

test('the loss stays finite in both runs (so the caption names no Infinity or NaN step)', () => {
  assert.ok([...unclipped, ...clipped].every((s) => Number.isFinite(s.loss)));
  assert.match(story, /The loss stays finite in both runs/);
  assert.doesNotMatch(story, /Infinity|NaN/);
});

test('the look-for sentence says what the runs show', () => {
  const lookFor = demoById('clipping').lookFor;
  assert.match(lookFor, /grew through time while the units were nearly linear/);
  assert.match(lookFor, /caps every update at lr·threshold and the same start learns sooner/);
});

test('series: the ids of the format, steps 1..N', () => {
  const ids = clippingSeries(demo).map((s) => s.id);
  for (const id of ['loss.unclipped', 'loss.clipped', 'gradNorm.unclipped', 'gradNorm.clipped', 'horizonRatio.unclipped', 'meanAbsH.unclipped']) assert.ok(ids.includes(id), id);
  for (const s of clippingSeries(demo)) assert.deepEqual(s.x, Array.from({ length: o.steps }, (_, i) => i + 1));
});

test('a run whose loss overflows is described step by step: +Infinity first, NaN later', () => {
  const loss = demo.unclipped.loss.slice();
  loss[4] = Infinity; loss[5] = Infinity; loss[6] = NaN;
  const broken = { ...demo, unclipped: { ...demo.unclipped, loss } };
  assert.match(clippingStory(testEngine, broken), /without clipping: the loss is \+Infinity at step 5, NaN from step 7\./);
});

// The train demo, retrained here with the plain reference BPTT and an SGD loop of the test's own,
// on the same fresh batches; held-out accuracy is scored by the test's own forward pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TRAIN_DEFAULTS, trainData, trainDemo, trainSeries, trainStart, trainStory } from '../../../src/demos/trainDemo';
import { demoById } from '../../../src/lesson/demos';
import { forwardOne, referenceTraining, relDiff } from './reference';
import { testEngine } from '../../support/engine';

const c = TRAIN_DEFAULTS;
const demo = trainDemo(testEngine);

/** Sign of y_t against the target at the steps t > k, over the held-out sequences. */
function heldOutAccuracy(params: Parameters<typeof forwardOne>[0], delay: number): number {
  const { heldOut } = trainData(c, delay);
  const values = (heldOut.targets as { values: Float64Array }).values;
  let right = 0, scored = 0;
  for (let b = 0; b < heldOut.batch.B; b++) {
    const { ys } = forwardOne(params, heldOut.batch, b);
    for (let t = delay + 1; t <= c.T; t++) { scored++; if (Math.sign(ys[t - 1][0]) === values[b * c.T + t - 1]) right++; }
  }
  return right / scored;
}

const reference = c.delays.map((delay) => {
  const { nextBatch } = trainData(c, delay);
  const run = referenceTraining(trainStart(c), nextBatch, c.lr, null, c.steps);
  return { delay, losses: run.steps.map((s) => s.loss), final: heldOutAccuracy(run.params, delay) };
});

test('the same T for every delay, a fresh batch every step, held-out sequences never trained on, no clipping', () => {
  for (const delay of c.delays) {
    const { nextBatch, heldOut } = trainData(c, delay);
    const seen = new Set<string>();
    for (let s = 0; s < c.steps; s++) {
      const b = nextBatch();
      assert.equal(b.batch.T, c.T);
      for (let i = 0; i < b.batch.B; i++) seen.add(b.batch.xs.subarray(i * c.T, (i + 1) * c.T).join(','));
    }
    assert.ok(seen.size > 0.99 * c.steps * c.B, `delay ${delay}: ${seen.size} distinct training sequences`);
    for (let i = 0; i < heldOut.batch.B; i++) assert.ok(!seen.has(heldOut.batch.xs.subarray(i * c.T, (i + 1) * c.T).join(',')), `held-out ${i} was trained on`);
  }
  assert.match(trainStory(demo), /no clipping/);
});

test('the demo\'s losses and final held-out accuracies are the reference training\'s', () => {
  for (const ref of reference) {
    const run = demo.runs.find((r) => r.delay === ref.delay);
    assert.ok(run);
    ref.losses.forEach((l, i) => assert.ok(relDiff(l, run.loss[i]) < 1e-6, `delay ${ref.delay}, step ${i + 1}`));
    assert.equal(run.heldOutAccuracy[run.heldOutAccuracy.length - 1], ref.final, `delay ${ref.delay}`);
  }
});

test('delays 1 to 8 reach 100 % held-out accuracy within 300 steps; delay 16 stays near 50 %, as the look-for and the caption say', () => {
  for (const ref of reference) {
    if (ref.delay <= 8) assert.equal(ref.final, 1, `delay ${ref.delay}: ${ref.final}`);
    else assert.ok(Math.abs(ref.final - 0.5) < 0.05, `delay ${ref.delay}: ${ref.final}`);
  }
  assert.equal(c.T, 40);
  assert.equal(c.steps, 300);
  assert.deepEqual(c.delays, [1, 2, 4, 8, 16]);
  assert.match(demoById('train').lookFor, /T fixed at 40 and fresh batches every step, the delays 1 to 8 reach 100 % accuracy on held-out sequences within 300 steps while delay 16 stays near 50 %/);
  const story = trainStory(demo);
  for (const ref of reference) assert.ok(story.includes(`delay ${ref.delay}: ${Math.round(100 * ref.final)} %`), story);
});

test('series: loss.delay<k> against steps 1..N and heldOutAccuracy.delay<k> from step 0', () => {
  const series = trainSeries(demo);
  for (const k of c.delays) {
    const loss = series.find((s) => s.id === `loss.delay${k}`);
    const acc = series.find((s) => s.id === `heldOutAccuracy.delay${k}`);
    assert.ok(loss && acc);
    assert.deepEqual(loss.x, Array.from({ length: c.steps }, (_, i) => i + 1));
    assert.equal(acc.x[0], 0);
    assert.equal(acc.x[acc.x.length - 1], c.steps);
  }
});

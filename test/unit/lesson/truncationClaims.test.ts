// The truncation pitfall's claims, on the product's own task (the train demo's delayed echo, its
// start and its data): a window of k = 1 still learns short delays, and long ones get less help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CORRECT_VARIANT, readableBptt, type RnnParams } from '../../../src/engine';
import { testEngine } from '../../support/engine';
import { TRAIN_DEFAULTS, trainData, trainStart } from '../../../src/demos/trainDemo';
import { truncatedGrads, truncatedSgdStep } from '../../../src/demos/truncatedBptt';
import { TRAINING_PITFALLS } from '../../../src/lesson';

const sizes = { D: 1, H: TRAIN_DEFAULTS.H, O: 1 };

function finalAccuracy(delay: number, window: number | null, steps: number): number {
  const data = trainData(TRAIN_DEFAULTS, delay);
  let p: RnnParams = trainStart(TRAIN_DEFAULTS);
  for (let s = 1; s <= steps; s++) {
    const b = data.nextBatch();
    p = window === null
      ? testEngine.sgdStep(p, b.batch, b.targets, b.loss, { lr: TRAIN_DEFAULTS.lr, clip: null }, { validate: false, step: s }).params
      : truncatedSgdStep(testEngine, p, b, window, sizes, TRAIN_DEFAULTS.lr, s);
  }
  return data.heldOut.accuracy(testEngine.forward(p, data.heldOut.batch, { validate: false, keep: 'outputs' }));
}

test('a window of one step is BPTT without the recurrent path; a window of T steps is full BPTT', () => {
  const data = trainData(TRAIN_DEFAULTS, 4);
  const p = trainStart(TRAIN_DEFAULTS);
  const b = data.nextBatch();
  const maxDiff = (x: Float64Array, y: Float64Array) => Math.max(...x.map((v, i) => Math.abs(v - y[i])));
  for (const [window, variant] of [[1, { ...CORRECT_VARIANT, recurrentPath: false }], [TRAIN_DEFAULTS.T, CORRECT_VARIANT]] as const) {
    const mine = truncatedGrads(testEngine, p, b, window, sizes), readable = readableBptt(p, b.batch, b.targets, b.loss, variant);
    assert.ok(Math.abs(mine.loss - readable.loss) < 1e-12 * readable.loss);
    for (const key of ['Wxh', 'Whh', 'Why'] as const) assert.ok(maxDiff(mine.grads[key].data, readable.grads[key].data) < 1e-12, `${window} ${key}`);
    assert.ok(maxDiff(mine.grads.bh, readable.grads.bh) < 1e-12 && maxDiff(mine.grads.by, readable.grads.by) < 1e-12);
  }
});

test('truncation: k = 1 learns delays 1 to 4 to 100 %; delay 8 reaches only 72 % in 300 steps where full BPTT reaches 100 %', () => {
  for (const delay of [1, 2, 3, 4]) assert.equal(finalAccuracy(delay, 1, 100), 1, `delay ${delay}, 100 steps`);
  const truncated = finalAccuracy(8, 1, 300), full = finalAccuracy(8, null, 300);
  assert.equal(Math.round(100 * truncated), 72);
  assert.equal(full, 1);
  const fix = TRAINING_PITFALLS.find((p) => p.id === 'pitfall.truncationWindow')?.fix ?? '';
  assert.match(fix, /long delays get less help, not impossible/);
  assert.match(fix, /a window of k = 1 \(no gradient through the recurrence at all\) still learns the delays 1 to 4\s+to 100 %/);
  assert.match(fix, /delay 8 reaches only 72 % in 300 steps, where full BPTT reaches 100 %/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMOS, DEMO_IDS, LECTURE, PRACTICE, demoById, isDemoId } from '../../../src/lesson';

test('demo ids are unique, listed once each, with a title and one sentence of what to look for', () => {
  assert.deepEqual(DEMOS.map((d) => d.id), [...DEMO_IDS]);
  for (const demo of DEMOS) {
    assert.ok(demo.title.length > 5, demo.id);
    assert.match(demo.lookFor, /^[A-Z].*\.$/, `${demo.id}: one sentence`);
    assert.equal(demo.lookFor.split(/\. /).length, 1, `${demo.id}: only one sentence`);
  }
});

test('schedule bullets and blocks link to the demos the plan describes', () => {
  const liveDemo = LECTURE.blocks.find((b) => b.title === 'Live demo (predict, then run)');
  assert.equal(liveDemo?.demo, 'predictThenRun');
  assert.match(liveDemo?.summary ?? '', /Train a plain RNN.*apply clipping/);
  const bulletDemos = PRACTICE.blocks.flatMap((b) => b.bullets).filter((b) => b.demo).map((b) => [b.text, b.demo]);
  assert.deepEqual(bulletDemos, [
    ['Build a plain RNN on a short sequence task and run it.', 'train'],
    ['Plot gradient norms across time steps to expose vanishing gradients.', 'gradientNorms'],
    ['Demonstrate gradient clipping.', 'clipping'],
  ]);
});

test('every demo is reachable from the schedule', () => {
  const linked = new Set([...LECTURE.blocks, ...PRACTICE.blocks].flatMap((b) => [b.demo, ...b.bullets.map((x) => x.demo)]));
  for (const id of DEMO_IDS) assert.ok(linked.has(id), `${id} is linked from a block or bullet`);
});

test('demoById and isDemoId agree with the list and name unknown ids', () => {
  assert.equal(demoById('clipping').title, 'Gradient clipping');
  assert.ok(isDemoId('train'));
  assert.ok(!isDemoId('Train'));
  assert.throws(() => demoById('nope' as never), /Unknown demo id "nope"\. Known ids: train, gradientNorms/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presenterOrder } from '../../../src/demos/presenterOrder';
import { DEMO_IDS } from '../../../src/lesson/demos';
import { LECTURE } from '../../../src/lesson/schedule';

test('the lecture\'s live demo links each part the plan lists: predict and plot, train, apply clipping', () => {
  const live = LECTURE.blocks.find((b) => b.id === 'lecture.liveDemo');
  assert.ok(live?.demoParts);
  assert.deepEqual(live.demoParts.map((p) => p.demo), ['predictThenRun', 'train', 'predictThenRun', 'clipping']);
  // Each part is a phrase of the plan's own text for the block.
  for (const part of live.demoParts) assert.ok(live.summary?.includes(part.text), part.text);
});

test('the horizon demo hangs off the bullet about long-range dependencies', () => {
  const bullet = LECTURE.blocks.flatMap((b) => b.bullets).find((b) => b.demo === 'horizon');
  assert.equal(bullet?.text, 'Vanishing gradients make long-range dependencies nearly unlearnable.');
});

test('"Step through all" follows the class: horizon (1:20), the live demo\'s parts (2:05), the wrap-up\'s gating preview (2:35), then the practice\'s gradient norms', () => {
  assert.deepEqual(presenterOrder(), ['horizon', 'predictThenRun', 'train', 'clipping', 'gating', 'gradientNorms']);
  assert.deepEqual([...presenterOrder()].sort(), [...DEMO_IDS].sort());
});

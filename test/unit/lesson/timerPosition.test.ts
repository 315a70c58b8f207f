import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LECTURE, PRACTICE, timerPosition } from '../../../src/lesson';

test('at 0 minutes the lecture is in its first block with 10 minutes left', () => {
  const p = timerPosition(LECTURE, 0);
  assert.equal(p.phase, 'running');
  if (p.phase !== 'running') return;
  assert.equal(p.block.id, 'lecture.recap');
  assert.equal(p.minutesLeftInBlock, 10);
  assert.equal(p.minutesLeftInClass, 180);
});

test('a block ends exactly at its end time (half-open blocks)', () => {
  const before = timerPosition(LECTURE, 9.99);
  const at = timerPosition(LECTURE, 10);
  assert.ok(before.phase === 'running' && at.phase === 'running');
  assert.equal(before.block.id, 'lecture.recap');
  assert.equal(before.minutesLeftInBlock, 1, 'a fraction of a minute still shows 1 min');
  assert.equal(at.block.id, 'lecture.motivation');
  assert.equal(at.minutesLeftInBlock, 15);
});

test('practice at 1:02 is in the break with 3 minutes left', () => {
  const p = timerPosition(PRACTICE, 62);
  assert.ok(p.phase === 'running');
  assert.equal(p.block.id, 'practice.break');
  assert.equal(p.blockIndex, 2);
  assert.equal(p.minutesLeftInBlock, 3);
  assert.equal(p.minutesLeftInClass, 58);
});

test('before the start and after the end', () => {
  assert.deepEqual(timerPosition(LECTURE, -2.5), { phase: 'notStarted', minutesToStart: 3 });
  assert.deepEqual(timerPosition(PRACTICE, 120), { phase: 'finished', minutesOver: 0 });
  assert.deepEqual(timerPosition(LECTURE, 200.5), { phase: 'finished', minutesOver: 20 });
});

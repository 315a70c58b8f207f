import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LECTURE, PRACTICE, clockToMinutes, formatDuration, minutesToClock, type Schedule,
} from '../../../src/lesson';
import { planSection, readPlan } from './planText';

/** The schedule written back in the plan's own line format. */
function asPlanLines(schedule: Schedule): string[] {
  return schedule.blocks.flatMap((b) => [
    `${b.start}–${b.end}${b.minutes} min${b.title}${b.summary ?? ''}`,
    ...b.bullets.map((bullet) => `  • ${bullet.text}`),
  ]);
}

for (const [schedule, minutes] of [[LECTURE, 180], [PRACTICE, 120]] as const) {
  test(`${schedule.id}: blocks are contiguous from 0:00 and their minutes match their times`, () => {
    let cursor = 0;
    for (const block of schedule.blocks) {
      assert.equal(clockToMinutes(block.start), cursor, `${block.id} should start where the previous block ended`);
      assert.equal(clockToMinutes(block.end) - clockToMinutes(block.start), block.minutes, `${block.id} minutes`);
      assert.ok(block.minutes > 0, `${block.id} is not empty`);
      cursor = clockToMinutes(block.end);
    }
    assert.equal(cursor, minutes);
  });

  test(`${schedule.id}: blocks sum to ${minutes} minutes (${formatDuration(minutes)})`, () => {
    assert.equal(schedule.blocks.reduce((sum, b) => sum + b.minutes, 0), minutes);
    assert.equal(schedule.totalMinutes, minutes);
  });
}

test('lecture schedule is the plan\'s, word for word', () => {
  assert.deepEqual(asPlanLines(LECTURE), planSection(readPlan(), '🎓Lecture · 3 hours', 'Common misconception'));
});

test('practice schedule and its introduction are the plan\'s, word for word', () => {
  const lines = planSection(readPlan(), '💻Practice · 2 hours', 'Common pitfalls');
  assert.equal(lines[0], PRACTICE.intro);
  assert.deepEqual(asPlanLines(PRACTICE), lines.slice(1));
});

test('block ids are unique across both schedules and carry their schedule as prefix', () => {
  const ids = [...LECTURE.blocks, ...PRACTICE.blocks].map((b) => b.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const b of LECTURE.blocks) assert.match(b.id, /^lecture\./);
  for (const b of PRACTICE.blocks) assert.match(b.id, /^practice\./);
});

test('the breaks are marked as breaks and nothing else is', () => {
  const breaks = [...LECTURE.blocks, ...PRACTICE.blocks].filter((b) => b.isBreak).map((b) => b.id);
  assert.deepEqual(breaks, ['lecture.break', 'practice.break']);
});

test('clock conversions round-trip and reject malformed times', () => {
  for (const clock of ['0:00', '0:05', '1:10', '2:59', '3:00']) assert.equal(minutesToClock(clockToMinutes(clock)), clock);
  assert.equal(clockToMinutes('2:05'), 125);
  assert.throws(() => clockToMinutes('1:60'), /Expected a time like "1:05", got "1:60"/);
  assert.throws(() => clockToMinutes('90'), /got "90"/);
  assert.equal(formatDuration(180), '3 h');
  assert.equal(formatDuration(45), '45 min');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HINT_CODES, LAB_TASK_IDS, PITFALLS, isHintCode, isLabTaskId } from '../../../src/lesson';

test('at least six pitfalls, with unique ids', () => {
  assert.ok(PITFALLS.length >= 6, `${PITFALLS.length} pitfalls`);
  assert.equal(new Set(PITFALLS.map((p) => p.id)).size, PITFALLS.length);
});

test('every pitfall points at a real lab task and a real checker hint code', () => {
  for (const p of PITFALLS) {
    assert.ok(isLabTaskId(p.task), `${p.id}: task "${p.task}" is one of ${LAB_TASK_IDS.join(', ')}`);
    assert.ok(isHintCode(p.hint), `${p.id}: hint "${p.hint}" is one of the checker's hint codes`);
    assert.ok(p.title.length > 10 && p.fix.length > 20, `${p.id} says what goes wrong and what to do`);
  }
});

test('every lab task has a pitfall, and no hint code is used twice', () => {
  for (const id of LAB_TASK_IDS) assert.ok(PITFALLS.some((p) => p.task === id), `a pitfall for ${id}`);
  const hints = PITFALLS.map((p) => p.hint);
  assert.equal(new Set(hints).size, hints.length);
  assert.ok(hints.every((h) => (HINT_CODES as readonly string[]).includes(h)));
});

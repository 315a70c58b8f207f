import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONCEPT_CHECKS, MISCONCEPTION, conceptCheckById } from '../../../src/lesson';
import { planSection, readPlan } from './planText';

test('concept check ids are unique and every answer index points at a choice', () => {
  assert.equal(new Set(CONCEPT_CHECKS.map((c) => c.id)).size, CONCEPT_CHECKS.length);
  for (const c of CONCEPT_CHECKS) {
    assert.ok(c.choices.length >= 2, c.id);
    assert.ok(Number.isInteger(c.correctIndex) && c.correctIndex >= 0 && c.correctIndex < c.choices.length, c.id);
    assert.equal(new Set(c.choices).size, c.choices.length, `${c.id}: distinct choices`);
    assert.ok(c.explanation.length > 40, `${c.id} explains its answer`);
  }
});

test('both plan questions are asked with the plan\'s answers, word for word', () => {
  const lines = planSection(readPlan(), 'Check for understanding', 'Key takeaways');
  const questions = CONCEPT_CHECKS.filter((c) => c.kind === 'question');
  assert.deepEqual(questions.flatMap((c) => [c.prompt, c.answer]), lines);
});

test('the misconception is the plan\'s and is asked as true/false, false being right', () => {
  const lines = planSection(readPlan(), 'Common misconception', 'Check for understanding');
  assert.deepEqual(lines, [`Students often think: ${MISCONCEPTION.belief}`, `Set it straight: ${MISCONCEPTION.correction}`]);
  const check = conceptCheckById('check.misconception');
  assert.ok(check);
  assert.equal(check.kind, 'misconception');
  assert.deepEqual(check.choices, ['True', 'False']);
  assert.equal(check.choices[check.correctIndex], 'False');
  assert.ok(check.prompt.endsWith(MISCONCEPTION.belief));
});

test('clipping fixes exploding gradients only', () => {
  const check = conceptCheckById('check.clipping');
  assert.equal(check?.choices[check.correctIndex], 'Exploding gradients only');
  assert.equal(conceptCheckById('check.none'), undefined);
});

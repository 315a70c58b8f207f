import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONCEPT_CHECKS, DEMO_IDS, HINT_CODES, LAB_TASK_IDS, LECTURE, PITFALLS, PLOT_CONTROL_LABELS, PRACTICE, READINGS,
  TRAINING_PITFALLS, checksPosedIn, conceptCheckById, placeLabel,
} from '../../../src/lesson';

const blockIds = new Set([...LECTURE.blocks, ...PRACTICE.blocks].map((b) => b.id));

test('every concept check is posed in a real block; the plan\'s are in the concept blocks where it poses them', () => {
  for (const c of CONCEPT_CHECKS) assert.ok(blockIds.has(c.posedIn), `${c.id}: ${c.posedIn}`);
  assert.deepEqual(checksPosedIn('lecture.gradients').map((c) => c.id), ['check.vanishExplode', 'check.clipping']);
  // Weight sharing is taught in "Recurrence and BPTT": the commit-first questions come first, then the misconception.
  assert.deepEqual(checksPosedIn('lecture.recurrence').map((c) => c.kind), ['commitFirst', 'commitFirst', 'commitFirst', 'misconception']);
  assert.deepEqual(checksPosedIn('lecture.break'), []);
});

test('the commit-first questions ask about parameters at T = 10 vs 100, length 10 vs 50, and ∂L/∂Whh', () => {
  const prompts = CONCEPT_CHECKS.filter((c) => c.kind === 'commitFirst').map((c) => c.prompt);
  assert.equal(prompts.length, 3);
  assert.match(prompts[0], /T = 10, and for T = 100/);
  assert.match(prompts[1], /length 10 be run on a sequence of length 50/);
  assert.match(prompts[2], /write ∂L\/∂Whh/);
  const write = conceptCheckById('check.writeGradient');
  assert.equal(write?.choices[write.correctIndex].startsWith('∂L/∂Whh = Σ_{t=1..T} δ_t·h_{t−1}ᵀ'), true);
  for (const c of CONCEPT_CHECKS.filter((x) => x.kind === 'commitFirst')) assert.equal(c.answer, c.choices[c.correctIndex]);
});

test('weight sharing names the output layer too', () => {
  assert.match(conceptCheckById('check.misconception')?.explanation ?? '', /dWxh, dWhh, dbh, dWhy and dby/);
  assert.match(PITFALLS.find((p) => p.id === 'pitfall.weightsNotShared')?.title ?? '', /Wxh, Whh, bh, Why or by/);
});

test('the reading notes hold Bengio et al. 1994 and Pascanu et al. 2013, each with what it shows', () => {
  const cites = READINGS.map((r) => r.citation);
  assert.ok(cites.some((c) => /^Y\. Bengio, P\. Simard, P\. Frasconi \(1994\)/.test(c)));
  assert.ok(cites.some((c) => /^R\. Pascanu, T\. Mikolov, Y\. Bengio \(2013\)/.test(c)));
  for (const r of READINGS) assert.ok(r.shows.length >= 2 && r.shows.every((s) => /^[A-Z].*\.$/.test(s)), r.id);
  // What the checks cite by name is in the notes.
  assert.match(conceptCheckById('check.vanishExplode')?.explanation ?? '', /Pascanu, Mikolov & Bengio 2013, in the reading notes/);
});

test('every training pitfall is tied to at least one real place in the product', () => {
  assert.equal(new Set([...PITFALLS, ...TRAINING_PITFALLS].map((p) => p.id)).size, PITFALLS.length + TRAINING_PITFALLS.length);
  const checkIds = new Set(CONCEPT_CHECKS.map((c) => c.id));
  for (const p of TRAINING_PITFALLS) {
    assert.ok(p.shownIn.length >= 1, p.id);
    for (const place of p.shownIn) {
      switch (place.kind) {
        case 'demo': assert.ok((DEMO_IDS as readonly string[]).includes(place.demo), p.id); break;
        case 'check': assert.ok(checkIds.has(place.check), p.id); break;
        case 'hint': assert.ok((HINT_CODES as readonly string[]).includes(place.hint), p.id); break;
        case 'plotControl': assert.ok(place.control in PLOT_CONTROL_LABELS, p.id); break;
        case 'labTask': assert.ok((LAB_TASK_IDS as readonly string[]).includes(place.task), p.id); break;
      }
      assert.doesNotMatch(placeLabel(place), /undefined/);
    }
  }
  assert.equal(placeLabel({ kind: 'plotControl', control: 'clip' }), 'the gradient plot\'s control "Clipping threshold (empty: none)"');
});

test('the issue\'s training pitfalls are all there', () => {
  const titles = [...PITFALLS, ...TRAINING_PITFALLS].map((p) => p.title).join('\n');
  for (const topic of [/hidden state from one independent sequence/, /Truncated BPTT/, /±maxNorm instead of by the global norm/,
    /threshold without looking at the gradient norms/, /learning rate that is too large/, /already Infinity or NaN/,
    /Whh too large, or feeding inputs so large that tanh saturates/, /Summing the loss over the steps/]) {
    assert.match(titles, topic);
  }
  assert.match(TRAINING_PITFALLS.find((p) => p.id === 'pitfall.carriedState')?.fix ?? '', /detach it/);
});

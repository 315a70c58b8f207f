// One step numbering everywhere: t = 1..T with h_0 the initial state (the argument h0), and array
// index i holding step t = i + 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONCEPT_CHECKS, LAB_TASKS, PITFALLS, TRAINING_PITFALLS } from '../../../src/lesson';
import { repoRoot } from '../../support/repoRoot';

const read = (...parts: string[]) => readFileSync(join(repoRoot(), ...parts), 'utf8');
const readme = read('media', 'lab-template', 'README.md');
const template = read('media', 'lab-template', 'rnn.ts');
const plotPage = read('media', 'walkthrough', 'open-plot.md');
const lessonText = [...CONCEPT_CHECKS.flatMap((c) => [c.prompt, c.explanation, ...c.choices]), ...LAB_TASKS.map((t) => t.summary),
  ...[...PITFALLS, ...TRAINING_PITFALLS].flatMap((p) => [p.title, p.fix])].join('\n');

test('no 0-based step names: no h_{−1}, no x_0, no loop from T−1 down to 0', () => {
  for (const [name, text] of [['README', readme], ['rnn.ts', template], ['lesson', lessonText], ['open-plot.md', plotPage]]) {
    for (const old of [/h_\{[−-]1\}/, /hs\[[−-]1\]/, /x_0/, /T[−-]1 to 0/, /t = T[−-]1\b/]) assert.doesNotMatch(text, old, `${name}: ${old}`);
  }
});

test('the lab says how array indexes map to steps, and h_0 is the argument h0', () => {
  assert.match(readme, /\*\*array index i holds step t = i \+ 1\*\*/);
  assert.match(readme, /starting from the initial state h_0 \(the argument\s+`h0`\)/);
  assert.match(template, /array index i holds step t = i \+ 1/);
  assert.match(template, /h_0 is the initial state, the argument h0/);
});

test('the README says once that the plot\'s ‖∂L/∂h_t‖ is the norm of dhs[t−1]', () => {
  const says = readme.match(/the gradient plot's ‖∂L\/∂h_t‖ at step t is the norm of your `dhs\[t−1\]`/g) ?? [];
  assert.equal(says.length, 1);
});

test('the plot page reads the x axis the right way: a vanishing gradient rises from left to right', () => {
  assert.match(plotPage, /a vanishing gradient is a straight line that \*\*rises\*\* from left to right/);
  assert.match(plotPage, /an exploding gradient \*\*falls\*\* from left to right/);
  assert.doesNotMatch(plotPage, /falling = vanishing|line falling on a log scale is a vanishing/);
  assert.match(readme, /a\s+vanishing gradient is small at the left and \*\*rises\*\* towards step T/);
});

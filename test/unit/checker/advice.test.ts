import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryLabel, hintAdvice } from '../../../src/checker/oracle/advice';
import { seconds } from '../../../src/checker/oracle/verdicts';
import { HINT_CODES } from '../../../src/lesson/hintCodes';
import { PITFALLS } from '../../../src/lesson/pitfalls';

test('every hint code has a pitfall, and its advice quotes it', () => {
  for (const code of HINT_CODES) {
    const pitfall = PITFALLS.find((p) => p.hint === code);
    assert.ok(pitfall, `a pitfall for ${code}`);
    assert.ok(hintAdvice(code).includes(pitfall.title), code);
  }
});

test('entries are named in the lesson notation, steps counted t = 1..T', () => {
  assert.equal(entryLabel('bptt', 'grads.Whh[2][0]'), 'dWhh[2][0]');
  assert.equal(entryLabel('bptt', 'dhs[0][1]'), 'dhs[0][1] (step t = 1)');
  assert.equal(entryLabel('forward', 'hs[59][0]'), 'hs[59][0] (step t = 60)');
  assert.equal(entryLabel('rnnStep', '[1]'), 'h[1]');
  assert.equal(entryLabel('clipGradNorm', 'grads.Whh'), 'grads.Whh');
});

test('every time budget is said in seconds', () => {
  assert.equal(seconds(10_000), '10 s');
  assert.equal(seconds(1500), '1.5 s');
  assert.equal(seconds(800), '0.8 s');
});

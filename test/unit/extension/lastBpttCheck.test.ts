// The plot names the part of bptt the last check found wrong, read from the checker's own message:
// run on real fixture labs, so a change in the checker's wording shows up here.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastBpttCheck } from '../../../src/extension/plots/lastBpttCheck';
import { check, fixture, task } from '../checker/support';

test('a lab whose only mistake is in dWhh: the plot is told "dWhh"', async () => {
  const bptt = task(await check(fixture('mistake-off-by-one')), 'bptt');
  assert.equal(bptt.status, 'fail');
  assert.deepEqual(lastBpttCheck({ state: bptt.status, message: bptt.message }), { status: 'fail', part: 'dWhh' });
});

test('a passing, to-do or never checked bptt gives the plot nothing to add', async () => {
  const bptt = task(await check(fixture('correct-loops')), 'bptt');
  assert.equal(lastBpttCheck({ state: bptt.status, message: bptt.message }), null);
  assert.equal(lastBpttCheck({ state: 'todo', message: 'TODO: bptt' }), null);
  assert.equal(lastBpttCheck({ state: 'unchecked', message: 'Not checked yet.' }), null);
});

test('a bptt that crashed is named by its status, with no part', () => {
  assert.deepEqual(lastBpttCheck({ state: 'error', message: 'bptt threw TypeError: x is undefined (rnn.ts:40)' }), { status: 'error', part: null });
});

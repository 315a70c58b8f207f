// The plot names the part of bptt the last check found wrong, from the report's parts (never its
// message's words): run on real fixture labs.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastBpttCheck } from '../../../src/extension/plots/lastBpttCheck';
import { check, fixture, task } from '../checker/support';

test('a lab whose only mistake is in dWhh: the plot is told "dWhh"', async () => {
  const bptt = task(await check(fixture('mistake-off-by-one')), 'bptt');
  assert.equal(bptt.status, 'fail');
  assert.deepEqual(lastBpttCheck({ state: bptt.status, parts: bptt.parts }), { status: 'fail', part: 'dWhh' });
});

test('a passing, to-do or never checked bptt gives the plot nothing to add', async () => {
  const bptt = task(await check(fixture('correct-loops')), 'bptt');
  assert.equal(lastBpttCheck({ state: bptt.status, parts: bptt.parts }), null);
  assert.equal(lastBpttCheck({ state: 'todo', parts: [] }), null);
  assert.equal(lastBpttCheck({ state: 'unchecked', parts: [] }), null);
});

test('a bptt that crashed is named by its status, with no part', async () => {
  const bptt = task(await check(fixture('hostile-throws')), 'bptt');
  assert.equal(bptt.status, 'error');
  assert.deepEqual(lastBpttCheck({ state: bptt.status, parts: bptt.parts }), { status: 'error', part: null });
});

test('the loss and dhs keep their own names', () => {
  assert.deepEqual(lastBpttCheck({ state: 'fail', parts: ['loss', 'grads.by'] }), { status: 'fail', part: 'loss' });
  assert.deepEqual(lastBpttCheck({ state: 'fail', parts: ['dhs'] }), { status: 'fail', part: 'dhs' });
});

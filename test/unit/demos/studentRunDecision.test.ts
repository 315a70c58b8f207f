// The rule that keeps the student plot from running a student's code where it must not: an
// untrusted workspace never runs it (whatever lab there is), a missing lab is explained.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { NO_LAB_REASON, studentRunDecision, UNTRUSTED_REASON, untrustedReason } from '../../../src/extension/plots/studentRunDecision';

test('an untrusted workspace never runs the student\'s code, even with a lab folder', () => {
  assert.deepEqual(studentRunDecision(false, 'labs/rnn-lab'), { run: false, reason: UNTRUSTED_REASON });
  assert.deepEqual(studentRunDecision(false, undefined), { run: false, reason: UNTRUSTED_REASON });
  assert.equal(untrustedReason(false), UNTRUSTED_REASON);
});

test('the untrusted explanation says what is shown and how to change it', () => {
  assert.match(UNTRUSTED_REASON, /not run in an untrusted workspace/);
  assert.match(UNTRUSTED_REASON, /only the engine's curve is shown/);
  assert.match(UNTRUSTED_REASON, /Workspaces: Manage Workspace Trust/);
});

test('a trusted workspace runs the lab it found, and explains a missing one', () => {
  assert.deepEqual(studentRunDecision(true, 'labs/rnn-lab'), { run: true, labDir: 'labs/rnn-lab' });
  assert.equal(untrustedReason(true), null);
  const none = studentRunDecision(true, undefined);
  assert.deepEqual(none, { run: false, reason: NO_LAB_REASON });
  assert.match(NO_LAB_REASON, /Scaffold Lab Files/);
});

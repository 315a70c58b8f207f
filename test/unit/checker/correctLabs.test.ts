import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { check, fixture, summary } from './support';

describe('correct labs in several styles (loops, helper files, typed arrays, recursion, classes and O(T²)) pass every task', () => {
  for (const name of ['correct-loops', 'correct-split', 'correct-typed-arrays', 'correct-recursive', 'correct-slow-classes']) {
    test(name, async () => {
      const report = await check(fixture(name), { labName: name });
      assert.equal(summary(report), LAB_TASK_IDS.map((id) => `${id}:pass`).join(' '));
      assert.equal(report.passed, 5);
      assert.equal(report.total, 5);
      assert.equal(report.lab, name);
      for (const t of report.tasks) {
        assert.equal(t.hint, null);
        assert.match(t.message, /^All \d+ checks of \w+ passed/);
        assert.ok(t.location, `${t.id} has a location`);
      }
    });
  }

  test('locations point at each function, also across files (re-exports, index folders)', async () => {
    const report = await check(fixture('correct-split'));
    const where = Object.fromEntries(report.tasks.map((t) => [t.id, `${t.location?.file}:${t.location?.line}:${t.location?.column}`]));
    assert.deepEqual(where, {
      rnnStep: 'rnn.ts:9:17', forward: 'rnn.ts:13:17', bptt: 'grad/index.ts:5:17', clipGradNorm: 'train.ts:7:17', trainStep: 'train.ts:14:17',
    });
  });
});

// Reports carry facts: each task names the parts of its result that disagree, furthest off first,
// and the report says which language the lab is in. Front ends read these, never the message.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { judge } from '../../../src/checker/oracle/judge';
import { labProblems } from '../../../src/checker/oracle/problems';
import { taskCases } from '../../../src/checker/oracle/taskCases';
import { check, fixture, task } from './support';

describe('parts in reports of real fixture labs', () => {
  test('a correct lab: every task passes with no parts, and the report says typescript', async () => {
    const report = await check(fixture('correct-loops'));
    assert.equal(report.language, 'typescript');
    assert.deepEqual(report.tasks.map((t) => [t.status, t.parts]), report.tasks.map(() => ['pass', []]));
  });

  test('h_t where h_{t−1} belongs: bptt names grads.Whh first, and neither the loss nor dhs', async () => {
    const report = await check(fixture('mistake-off-by-one'));
    const bptt = task(report, 'bptt');
    assert.equal(bptt.parts[0], 'grads.Whh');
    assert.ok(!bptt.parts.includes('loss') && !bptt.parts.includes('dhs'), bptt.parts.join());
    const train = task(report, 'trainStep');
    assert.ok(train.parts.includes('params.Whh'), train.parts.join());
    assert.ok(!train.parts.includes('loss'), train.parts.join());
  });

  test('only the reported norm wrong: trainStep names exactly norm', async () => {
    assert.deepEqual(task(await check(fixture('mistake-norm-after-clipping')), 'trainStep').parts, ['norm']);
  });

  test('a loss averaged instead of summed: bptt names the loss among its parts', async () => {
    assert.ok(task(await check(fixture('mistake-loss-mean')), 'bptt').parts.includes('loss'));
  });

  test('a wrong shape names the part it is in; a throw names none', async () => {
    const shape = task(await check(fixture('mistake-wrong-shape')), 'forward');
    assert.equal(shape.status, 'fail');
    assert.ok(shape.parts.length > 0 && shape.parts.every((p) => p === 'hs' || p === 'ys'), shape.parts.join());
    const thrown = await check(fixture('hostile-throws'));
    assert.deepEqual(thrown.tasks.filter((t) => t.status === 'error').map((t) => t.parts), [[], [], [], []]);
  });
});

describe('furthest off first', () => {
  const c = taskCases('bptt', labProblems())[5];
  const right = c.expected as unknown as { loss: number; dhs: number[][]; grads: Record<string, number[][] | number[]> };
  const scaled = (m: number[][], f: number): number[][] => m.map((row) => row.map((x) => x * f));

  test('a loss 1 % off and a dWhh 50 % off: grads.Whh, then loss', () => {
    const got = { ...right, loss: right.loss * 1.01, grads: { ...right.grads, Whh: scaled(right.grads.Whh as number[][], 1.5) } };
    assert.deepEqual(judge('bptt', c, got, null)?.parts, ['grads.Whh', 'loss']);
  });

  test('a loss 90 % off and a dWhh 50 % off: loss, then grads.Whh', () => {
    const got = { ...right, loss: right.loss * 0.1, grads: { ...right.grads, Whh: scaled(right.grads.Whh as number[][], 1.5) } };
    assert.deepEqual(judge('bptt', c, got, null)?.parts, ['loss', 'grads.Whh']);
  });

  test('a right result is not judged at all', () => {
    assert.equal(judge('bptt', c, right, null), null);
  });
});

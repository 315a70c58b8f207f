import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createEngine, readableForward, sizesOf } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { randomProblem } from './support';

/** The engine object's options: validation on by default, outputs alone, one step, a large call. */
describe('the engine face', () => {
  const engine = createEngine({ kernels: 'typescript' });
  const pr = randomProblem(61, { B: 2, T: 5, D: 3, H: 4, O: 2 }, { kind: 'mse', at: 'all' });

  test('every call validates unless told validate: false', () => {
    const bad = { ...pr.batch, xs: new Float64Array(pr.batch.xs.length - 1) };
    assert.throws(() => engine.forward(pr.params, bad), /xs must hold B×T×D/);
    assert.throws(() => engine.bptt(pr.params, bad, pr.targets, pr.loss), /xs must hold B×T×D/);
    assert.throws(() => engine.sgdStep(pr.params, pr.batch, pr.targets, pr.loss, { lr: NaN, clip: null }), /update\.lr must be a finite number, got NaN/);
    assert.doesNotThrow(() => engine.sgdStep(pr.params, pr.batch, pr.targets, pr.loss, { lr: NaN, clip: null }, { validate: false }));
  });

  test("keep: 'outputs' gives the trace's ys and nothing else", () => {
    const ys = engine.forward(pr.params, pr.batch, { keep: 'outputs' });
    assert.ok(ys instanceof Float64Array);
    assert.deepEqual(Array.from(ys), Array.from(engine.forward(pr.params, pr.batch).ys));
    const readable = readableForward(pr.params, pr.batch, sizesOf(pr.params));
    ys.forEach((y, i) => assert.ok(Math.abs(y - readable.ys[i]) <= 1e-12 * Math.abs(readable.ys[i]) + 1e-15, `ys[${i}]`));
  });

  test('one sgdStep is the first step of train, and its record numbers the step', () => {
    const update = { lr: 0.05, clip: 0.1 };
    const one = engine.sgdStep(pr.params, pr.batch, pr.targets, pr.loss, update, { step: 7 });
    const run = engine.train(pr.params, pr.batch, pr.targets, pr.loss, { ...update, steps: 1 });
    assert.equal(one.record.step, 7);
    assert.equal(run.records[0].step, 1);
    assert.deepEqual({ ...one.record, step: 1 }, run.records[0]);
    assert.deepEqual(Array.from(one.params.Whh.data), Array.from(run.params.Whh.data));
    const oracle = plainBptt(pr.params, pr.batch, pr.targets, pr.loss);
    assert.ok(Math.abs(one.record.loss - oracle.loss) <= 1e-12 * oracle.loss);
    assert.ok(Math.abs(one.record.gradNorm - oracle.gradNorm) <= 1e-12 * oracle.gradNorm);
  });

  test('a call bigger than the scratch the engine keeps gets the same numbers from a workspace of its own', () => {
    const small = createEngine({ kernels: 'wasm', retainedScratch: 10 });
    const kept = createEngine({ kernels: 'wasm', retainedScratch: Infinity });
    const a = small.bptt(pr.params, pr.batch, pr.targets, pr.loss);
    const b = kept.bptt(pr.params, pr.batch, pr.targets, pr.loss);
    assert.equal(a.gradNorm, b.gradNorm);
    assert.deepEqual(Array.from(a.hiddenGradNorms), Array.from(b.hiddenGradNorms));
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EngineInputError, batchFromNested, clipByGlobalNorm, delayedEcho, createRng, initParams, matrixFromNested,
  paramsFromNested, targetsFromNested, type LossSpec, type RnnParams,
} from '../../../src/engine';
import { testEngine } from '../../support/engine';
import { readEngineCase } from '../../../src/cli/engineCase';
import { randomProblem } from './support';

/** Asserts that fn throws an EngineInputError whose message matches every pattern. */
function rejects(fn: () => unknown, ...patterns: RegExp[]): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof EngineInputError, `expected an EngineInputError, got ${String(e)}`);
    for (const p of patterns) assert.match(e.message, p);
    return true;
  });
}

const mse: LossSpec = { kind: 'mse', at: 'all' };
const good = randomProblem(1, { B: 2, T: 3, D: 2, H: 3, O: 2 }, mse);

describe('bad input is rejected with a message naming the field and the shapes', () => {
  test('ragged xs (one sequence shorter, one step with fewer features)', () => {
    rejects(() => batchFromNested([[[1, 2], [3, 4]], [[5, 6]]]), /^xs\[1\] /, /T = 2/, /ragged/);
    rejects(() => batchFromNested([[[1, 2], [3]]]), /^xs\[0\]\[1\] /, /D = 2/, /got 1/);
  });

  test('ragged and non-numeric matrices', () => {
    rejects(() => matrixFromNested('params.Whh', [[1, 2], [3]]), /params\.Whh\[1\]/, /ragged/);
    rejects(() => matrixFromNested('params.Whh', [[1, '2']]), /params\.Whh\[0\]\[1\] must be a number, got the string "2"/);
    rejects(() => paramsFromNested({ Wxh: [[1]], Whh: [[1]], bh: [0], Why: [[1]], by: [0] }), /params\.h0 is missing/);
  });

  test('wrong shapes: Whh not H×H, bh too short, xs with the wrong D, targets of the wrong size', () => {
    const p = good.params;
    const badWhh: RnnParams = { ...p, Whh: { rows: 3, cols: 2, data: new Float64Array(6) } };
    rejects(() => testEngine.bptt(badWhh, good.batch, good.targets, mse), /params\.Whh must be H×H = 3×3, got 3×2/);
    rejects(() => testEngine.bptt({ ...p, bh: new Float64Array(2) }, good.batch, good.targets, mse), /params\.bh must have length H = 3, got 2/);
    rejects(() => testEngine.bptt(p, { B: 2, T: 3, D: 4, xs: new Float64Array(24) }, good.targets, mse), /^xs must have D = 2 features/, /got 4/);
    rejects(() => testEngine.bptt(p, good.batch, { kind: 'mse', values: new Float64Array(5) }, mse), /^targets must hold B×T×O = 2×3×2 = 12 numbers for mse, got 5/);
    rejects(() => testEngine.bptt(p, { ...good.batch, xs: new Float64Array(7) }, good.targets, mse), /xs must hold B×T×D = 2×3×2 = 12 numbers, got 7/);
  });

  test('NaN and Infinity in inputs, targets and parameters', () => {
    const xs = good.batch.xs.slice();
    xs[5] = NaN; // sequence 0, step 2, feature 1
    rejects(() => testEngine.bptt(good.params, { ...good.batch, xs }, good.targets, mse), /^xs\[0\]\[2\]\[1\] must be finite, got NaN/);
    const Whh = good.params.Whh.data.slice();
    Whh[4] = Infinity;
    rejects(() => testEngine.bptt({ ...good.params, Whh: { ...good.params.Whh, data: Whh } }, good.batch, good.targets, mse), /^params\.Whh\[1\]\[1\] must be finite, got Infinity/);
    if (good.targets.kind !== 'mse') throw new Error('mse targets expected');
    const values = good.targets.values.slice();
    values[0] = NaN;
    rejects(() => testEngine.bptt(good.params, good.batch, { kind: 'mse', values }, mse), /^targets\[0\]\[0\]\[0\] must be finite/);
  });

  test('unknown loss kind or position', () => {
    rejects(() => testEngine.bptt(good.params, good.batch, good.targets, { kind: 'mae', at: 'all' } as unknown as LossSpec), /^loss\.kind must be "mse" or "xent", got "mae"/);
    rejects(() => testEngine.bptt(good.params, good.batch, good.targets, { kind: 'mse', at: 'first' } as unknown as LossSpec), /^loss\.at must be "last", "all" or one boolean per step, got "first"/);
    rejects(() => testEngine.bptt(good.params, good.batch, good.targets, { kind: 'mse', at: [true] }), /^loss\.at must have one entry per step \(T = 3\), got 1/);
    rejects(() => testEngine.bptt(good.params, good.batch, good.targets, { kind: 'xent', at: 'all' }), /targets are for loss "mse" but the loss is "xent"/);
  });

  test('xent target out of range (only the steps in the loss are checked)', () => {
    const xent: LossSpec = { kind: 'xent', at: 'all' };
    const classes = new Int32Array([0, 1, 0, 1, 2, 0]);
    rejects(() => testEngine.bptt(good.params, good.batch, { kind: 'xent', classes }, xent), /^targets\[1\]\[1\] must be a class index in 0\.\.1 \(O = 2\), got 2/);
    classes[4] = -1;
    rejects(() => testEngine.bptt(good.params, good.batch, { kind: 'xent', classes }, xent), /got -1/);
    // With the loss at the last step only, the filler at earlier steps is ignored.
    assert.doesNotThrow(() => testEngine.bptt(good.params, good.batch, { kind: 'xent', classes }, { kind: 'xent', at: 'last' }));
    rejects(() => targetsFromNested([[0, 1.5, 0], [0, 0, 0]], xent, 2, 3), /^targets\[0\]\[1\] must be an integer class index, got 1\.5/);
  });

  test('clipping: negative, zero or NaN maxNorm; NaN gradients', () => {
    const { grads } = testEngine.bptt(good.params, good.batch, good.targets, mse);
    rejects(() => clipByGlobalNorm(grads, -1), /^maxNorm must be positive, got -1/);
    rejects(() => clipByGlobalNorm(grads, 0), /^maxNorm must be positive, got 0/);
    rejects(() => clipByGlobalNorm(grads, NaN), /^maxNorm must be a finite number, got NaN/);
    // A non-finite norm is reported, never rescaled (the same rule as a training step's).
    const bad = { ...grads, bh: grads.bh.map(() => NaN) };
    const r = clipByGlobalNorm(bad, 1);
    assert.ok(Number.isNaN(r.normBefore));
    assert.equal(r.clipped, false);
    assert.deepEqual(r.grads.Wxh.data, grads.Wxh.data);
  });

  test('training: steps, lr, clip', () => {
    const run = (config: { lr: number; steps: number; clip: number | null }) => () => testEngine.train(good.params, good.batch, good.targets, mse, config);
    rejects(run({ lr: 0.1, steps: 0, clip: null }), /^train\.steps must be a positive integer, got 0/);
    rejects(run({ lr: 0.1, steps: 2.5, clip: null }), /^train\.steps must be a positive integer, got 2\.5/);
    rejects(run({ lr: NaN, steps: 1, clip: null }), /^train\.lr must be a finite number, got NaN/);
    rejects(run({ lr: 0.1, steps: 1, clip: -3 }), /^train\.clip must be positive or null, got -3/);
  });

  test('bptt of each sequence wants one sequence per entry; init and tasks check their options', () => {
    rejects(() => testEngine.bptt(good.params, [{ batch: good.batch, targets: good.targets }], mse, { each: true }), /^sequences\[0\]\.xs must hold one sequence \(B = 1\), got B = 2/);
    rejects(() => initParams({ D: 0, H: 3, O: 1 }, createRng(1), { scheme: 'uniform' }), /^sizes\.D must be a positive integer, got 0/);
    rejects(() => initParams({ D: 1, H: 3, O: 1 }, createRng(1), { scheme: 'uniform', whh: { kind: 'spectral-radius', radius: -1 } }), /radius must be ≥ 0/);
    rejects(() => delayedEcho({ B: 1, T: 5, delay: 5 }, createRng(1)), /^echo\.delay must be an integer in 0\.\.T−1 = 0\.\.4, got 5/);
  });

  test('case files: missing fields and wrong types are named', () => {
    const json = { params: { Wxh: [[1]], Whh: [[0.5]], bh: [0], Why: [[1]], by: [0], h0: [0] }, xs: [[[1]]], loss: { kind: 'mse', at: 'last' }, targets: [[[0.5]]] };
    assert.doesNotThrow(() => readEngineCase(json));
    rejects(() => readEngineCase({ ...json, xs: undefined }), /^xs must be a non-empty B×T×D array, got undefined/);
    const noTargets: Record<string, unknown> = { ...json };
    delete noTargets.targets;
    rejects(() => readEngineCase(noTargets), /^targets is missing/);
    rejects(() => readEngineCase({ ...json, train: { optimizer: 'adam', lr: 1, steps: 1 } }), /^train\.optimizer must be "sgd", got the string "adam"/);
    rejects(() => readEngineCase({ ...json, targets: [[[0.5], [1]]] }), /targets must have T = 1 steps per sequence, got 2/);
    rejects(() => readEngineCase([1, 2]), /^case must be a JSON object/);
  });
});

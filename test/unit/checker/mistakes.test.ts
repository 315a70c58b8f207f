import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HINT_CODES } from '../../../src/lesson/hintCodes';
import { check, fixture, summary, task } from './support';

/** Each known mistake, written as a student would, is recognised and named by its hint code. */
const EXPECTED: Record<string, string> = {
  'mistake-weights-not-shared': 'rnnStep:pass forward:pass bptt:fail/weights-not-shared clipGradNorm:pass trainStep:fail/weights-not-shared',
  'mistake-missing-recurrent-path': 'rnnStep:pass forward:pass bptt:fail/missing-recurrent-path clipGradNorm:pass trainStep:fail/missing-recurrent-path',
  'mistake-tanh-derivative': 'rnnStep:pass forward:pass bptt:fail/tanh-derivative clipGradNorm:pass trainStep:fail/tanh-derivative',
  'mistake-off-by-one': 'rnnStep:pass forward:pass bptt:fail/off-by-one clipGradNorm:pass trainStep:fail/off-by-one',
  'mistake-clip-per-parameter': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:fail/clip-per-parameter trainStep:fail/clip-per-parameter',
  // Their trainStep clips with maxNorm = Infinity, so "always rescale" multiplies by Infinity.
  'mistake-clip-scales-up': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:fail/clip-scales-up trainStep:fail/non-finite',
  'mistake-unclipped-update': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:fail/unclipped-update',
  'mistake-mutates-input': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:fail/mutates-input',
  'mistake-wrong-shape': 'rnnStep:pass forward:fail/wrong-shape bptt:fail clipGradNorm:pass trainStep:fail',
  'mistake-non-finite': 'rnnStep:pass forward:fail/non-finite bptt:fail/non-finite clipGradNorm:pass trainStep:fail/non-finite',
};

describe('known mistakes get their hint codes', () => {
  const reports = Promise.all(Object.keys(EXPECTED).map(async (name) => [name, await check(fixture(name))] as const));

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(name, async () => {
      const report = (await reports).find(([n]) => n === name)?.[1];
      assert.ok(report);
      assert.equal(summary(report), expected);
    });
  }

  test('every hint code of contracts §2 is produced by some fixture', async () => {
    const seen = new Set((await reports).flatMap(([, r]) => r.tasks.map((t) => t.hint)));
    assert.deepEqual(HINT_CODES.filter((h) => !seen.has(h)), []);
  });

  test('a failure names the entry in the lesson notation, expected and actual values, the input and what to do', async () => {
    const report = (await reports).find(([n]) => n === 'mistake-off-by-one')?.[1];
    assert.ok(report);
    const bptt = task(report, 'bptt');
    assert.match(bptt.message, /^dWhh\[\d\]\[\d\] should be -?\d[\d.e-]* but is -?\d[\d.e-]*\./);
    assert.match(bptt.message, /Input "T = 1"/);
    assert.match(bptt.message, /Looks like dWhh uses h_t instead of h_\{t−1\}/);
    assert.match(bptt.message, /dWhh \+= da_t·h_\{t−1\}ᵀ|h_\{t−1\}/);
    assert.match(bptt.message, /Input values: p = \{"Wxh":\[\[/);
    assert.deepEqual(bptt.location, { file: 'rnn.ts', line: 33, column: 17 });
  });

  test('weight sharing links to the lesson misconception', async () => {
    const report = (await reports).find(([n]) => n === 'mistake-weights-not-shared')?.[1];
    assert.ok(report);
    assert.match(task(report, 'bptt').message, /An RNN has a separate set of weights for each time step/);
    assert.match(task(report, 'bptt').message, /The same weights are reused at every step/);
  });

  test('a mutated argument is named with its indices and both values', async () => {
    const report = (await reports).find(([n]) => n === 'mistake-mutates-input')?.[1];
    assert.ok(report);
    assert.match(task(report, 'trainStep').message, /trainStep modified its arguments: p\.Wxh\[0\]\[0\] changed from -1 to -0\.9\d+/);
  });

  test('a wrong shape says how many entries were expected and came back', async () => {
    const report = (await reports).find(([n]) => n === 'mistake-wrong-shape')?.[1];
    assert.ok(report);
    assert.match(task(report, 'forward').message, /^hs has the wrong shape: expected 1 entry \(a 1×3 array of numbers\), got 2 entries\./);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CORRECT_VARIANT, type BpttVariant, type RnnGrads } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import { HINT_CODES } from '../../../src/lesson/hintCodes';
import { toEngineProblem, type LabGrads, type Vec } from '../../../src/checker/labTypes';
import { bpttWith, type BpttResult } from '../../../src/checker/oracle/mistakes';
import { labProblems, type Problem } from '../../../src/checker/oracle/problems';
import type { CheckReport } from '../../../src/checker/report';
import { inputAt, plainCell, stateAfter, stepsWindow } from '../../support/plainSteps';
import { check, fixture, summary, task } from './support';

/** Each known mistake, written as a student would, is recognised and named by its hint code. */
const EXPECTED: Record<string, string> = {
  'mistake-weights-not-shared': 'rnnStep:pass forward:pass bptt:fail/weights-not-shared clipGradNorm:pass trainStep:fail/weights-not-shared',
  'mistake-dwhh-assign': 'rnnStep:pass forward:pass bptt:fail/weights-not-shared clipGradNorm:pass trainStep:fail/weights-not-shared',
  'mistake-dwxh-assign': 'rnnStep:pass forward:pass bptt:fail/weights-not-shared clipGradNorm:pass trainStep:fail/weights-not-shared',
  'mistake-missing-recurrent-path': 'rnnStep:pass forward:pass bptt:fail/missing-recurrent-path clipGradNorm:pass trainStep:fail/missing-recurrent-path',
  'mistake-tanh-derivative': 'rnnStep:pass forward:pass bptt:fail/tanh-derivative clipGradNorm:pass trainStep:fail/tanh-derivative',
  'mistake-off-by-one': 'rnnStep:pass forward:pass bptt:fail/off-by-one clipGradNorm:pass trainStep:fail/off-by-one',
  'mistake-truncated-bptt': 'rnnStep:pass forward:pass bptt:fail/truncated-bptt clipGradNorm:pass trainStep:fail/truncated-bptt',
  'mistake-loss-mean': 'rnnStep:pass forward:pass bptt:fail/loss-scale clipGradNorm:pass trainStep:fail/loss-scale',
  'mistake-clip-per-parameter': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:fail/clip-per-parameter trainStep:fail/clip-per-parameter',
  // Their trainStep passes maxNorm null on as Infinity to a clipping that always rescales.
  'mistake-clip-scales-up': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:fail/clip-scales-up trainStep:fail/clip-scales-up',
  'mistake-clip-by-value': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:fail/clip-by-value trainStep:fail/clip-by-value',
  'mistake-unclipped-update': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:fail/unclipped-update',
  // Only the reported norm is wrong: recognised, but no clipping hint (the update is right).
  'mistake-norm-after-clipping': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:fail',
  'mistake-mutates-input': 'rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:fail/mutates-input',
  'mistake-stateful': 'rnnStep:pass forward:fail/stateful bptt:fail/stateful clipGradNorm:pass trainStep:fail/stateful',
  'mistake-wrong-shape': 'rnnStep:pass forward:fail/wrong-shape bptt:fail clipGradNorm:pass trainStep:fail',
  'mistake-non-finite': 'rnnStep:pass forward:fail/non-finite bptt:fail/non-finite clipGradNorm:pass trainStep:fail/non-finite',
  'mistake-overflowing-tanh': 'rnnStep:fail/non-finite forward:fail/non-finite bptt:fail/non-finite clipGradNorm:pass trainStep:fail/non-finite',
};

/** f over the items, at most `width` at a time, results in the items' order. */
async function inTurn<T, R>(items: readonly T[], width: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return out;
}

const reportOf = async (reports: Promise<(readonly [string, CheckReport])[]>, name: string): Promise<CheckReport> => {
  const report = (await reports).find(([n]) => n === name)?.[1];
  assert.ok(report, name);
  return report;
};

describe('known mistakes get their hint codes', () => {
  // Two labs at a time: each check has its own worker, and the machine may have only two cores.
  const reports = inTurn(Object.keys(EXPECTED), 2, async (name) => [name, await check(fixture(name))] as const);

  for (const [name, expected] of Object.entries(EXPECTED)) {
    test(name, async () => {
      const report = (await reports).find(([n]) => n === name)?.[1];
      assert.ok(report);
      assert.equal(summary(report), expected);
    });
  }

  test('every hint code is produced by some fixture', async () => {
    const seen = new Set((await reports).flatMap(([, r]) => r.tasks.map((t) => t.hint)));
    assert.deepEqual(HINT_CODES.filter((h) => !seen.has(h)), []);
  });

  test('a failure names the entry in the lesson notation, expected and actual values, the input and what to do', async () => {
    const report = (await reports).find(([n]) => n === 'mistake-off-by-one')?.[1];
    assert.ok(report);
    const bptt = task(report, 'bptt');
    assert.match(bptt.message, /^dWhh\[\d\]\[\d\] should be -?\d[\d.e-]* but is -?\d[\d.e-]*\./);
    assert.match(bptt.message, /Input "T = 1"/);
    assert.match(bptt.message, /Looks like dWhh uses h_t where h_\{t−1\} belongs/);
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

  test('a mistake in one gradient is named in the notation, even when the other gradients are right', async () => {
    const whh = task(await reportOf(reports, 'mistake-dwhh-assign'), 'bptt');
    assert.match(whh.message, /^dWhh\[\d\]\[\d\] should be/);
    assert.match(whh.message, /Looks like dWhh keeps only one step's contribution/);
    assert.doesNotMatch(whh.message, /dWxh|dbh/);
    const wxh = task(await reportOf(reports, 'mistake-dwxh-assign'), 'trainStep');
    assert.match(wxh.message, /params\.Wxh comes from a wrong bptt: dWxh keeps only one step's contribution/);
  });

  test('truncated BPTT says after how many steps it goes wrong, on the long sequence', async () => {
    const bptt = task(await reportOf(reports, 'mistake-truncated-bptt'), 'bptt');
    assert.match(bptt.message, /^dhs\[39\]\[\d\] \(step t = 40\) should be [-\d.e]+ but is 0\./);
    assert.match(bptt.message, /Input "a long sequence \(T = 60/);
    assert.match(bptt.message, /backpropagation stops after 20 steps/);
    assert.match(bptt.message, /wrong from step t = 40 back/);
  });

  test('a loss off by a constant factor says the factor and why', async () => {
    const bptt = task(await reportOf(reports, 'mistake-loss-mean'), 'bptt');
    assert.match(bptt.message, /loss is 0\.333333 times the right value \(averaged over the 3 steps that have a target instead of summed\)/);
  });

  test("a hint names only what its part shows: a norm reported after clipping is not a clipping mistake in the update", async () => {
    const train = task(await reportOf(reports, 'mistake-norm-after-clipping'), 'trainStep');
    assert.equal(train.hint, null);
    assert.match(train.message, /^norm should be [\d.]+ but is [\d.]+\./);
    assert.match(train.message, /norm is the norm after clipping/);
    assert.doesNotMatch(train.message, /params|rescaled/);
  });

  test('a stateful forward is caught by calling it twice with the same input', async () => {
    const fwd = task(await reportOf(reports, 'mistake-stateful'), 'forward');
    assert.match(fwd.message, /^forward returned a different result when called again with the same input "random problem \(seed 105\)/);
    assert.match(fwd.message, /Keeping the hidden state between calls/);
  });

  test('an overflowing hand-written tanh is caught on the saturating input', async () => {
    const step = task(await reportOf(reports, 'mistake-overflowing-tanh'), 'rnnStep');
    assert.match(step.message, /^h\[0\] should be 1 but is NaN\. Input "a saturating input/);
  });

  test('no message names a document the student does not have', async () => {
    for (const [, report] of await reports) for (const t of report.tasks) assert.doesNotMatch(t.message, /contracts|§|STYLE/, `${report.lab} ${t.id}`);
  });
});

describe('each wrong bptt of the library, held to an independent computation (plain BPTT, central differences)', () => {
  const problems = labProblems();
  const close = (got: number, expected: number, what: string): void =>
    assert.ok(Math.abs(got - expected) <= 1e-9 * (1 + Math.abs(expected)), `${what}: ${got} vs ${expected}`);
  type Buffers = Partial<Record<keyof LabGrads, Float64Array>>;
  const buffersOf = (g: RnnGrads, keys: readonly (keyof LabGrads)[]): Buffers =>
    Object.fromEntries(keys.map((key) => { const v = g[key]; return [key, 'data' in v ? v.data : v]; }));
  const sameGrads = (got: LabGrads, expected: Buffers, what: string): void => {
    for (const [key, want] of Object.entries(expected) as [keyof LabGrads, Float64Array][]) {
      const flat = got[key].flat();
      assert.equal(flat.length, want.length, `${what} d${key}`);
      flat.forEach((v, i) => close(v, want[i], `${what} d${key}[${i}]`));
    }
  };
  const sameLossAndOutput = (got: BpttResult, pr: Problem, what: string): void => {
    const e = toEngineProblem(pr.p, pr.h0, pr.xs, pr.targets);
    const whole = plainBptt(e.params, e.batch, e.targets, e.loss);
    close(got.loss, whole.loss, `${what} loss`);
    sameGrads(got.grads, buffersOf(whole.grads, ['Why', 'by']), what);
  };
  const lossSteps = (pr: Problem): number[] => pr.targets.flatMap((y, i) => (y === null ? [] : [i + 1]));
  const stepCounts = (T: number, counts: readonly number[]): number[] => [...new Set(counts)].filter((k) => k >= 1 && k < T);

  test('every wrong choice on one unit and two steps: the closed forms, written out by hand', () => {
    // D = H = O = 1, T = 2, a target at both steps: every quantity is a number.
    const [wx, wh, b, v, c, h0, x1, x2, y1, y2] = [0.7, -1.3, 0.2, 1.1, -0.4, 0.5, 0.9, -0.6, 0.3, -0.8];
    const a1 = wx * x1 + wh * h0 + b, h1 = Math.tanh(a1), e1 = v * h1 + c - y1;
    const a2 = wx * x2 + wh * h1 + b, h2 = Math.tanh(a2), e2 = v * h2 + c - y2;
    const L = 0.5 * e1 * e1 + 0.5 * e2 * e2;
    /** da_2, da_1 and dh_1, dh_2 for a factor f(h, a) in place of tanh′, with or without the path through h_2. */
    const sweep = (f: (h: number, a: number) => number, path: boolean) => {
      const dh2 = v * e2, da2 = dh2 * f(h2, a2);
      const dh1 = v * e1 + (path ? wh * da2 : 0), da1 = dh1 * f(h1, a1);
      return { da1, da2, dhs: [[dh1], [dh2]] };
    };
    const right = sweep((h) => 1 - h * h, true);
    const grads = (Wxh: number, Whh: number, bh: number, Why: number, by: number): LabGrads => ({ Wxh: [[Wxh]], Whh: [[Whh]], bh: [bh], Why: [[Why]], by: [by] });
    const sums = (s: { da1: number; da2: number }): LabGrads => grads(s.da1 * x1 + s.da2 * x2, s.da1 * h0 + s.da2 * h1, s.da1 + s.da2, e1 * h1 + e2 * h2, e1 + e2);
    const { da1, da2 } = right;
    const cases: [string, Partial<BpttVariant>, LabGrads, Vec[], 'last-step' | 'each-loss'][] = [
      ['right', {}, sums(right), right.dhs, 'last-step'],
      ['step 1 kept', { shared: 'first-step', outputShared: 'first-step' }, grads(da1 * x1, da1 * h0, da1, e1 * h1, e1), right.dhs, 'last-step'],
      ['step 2 kept', { shared: 'last-step', outputShared: 'last-step' }, grads(da2 * x2, da2 * h1, da2, e2 * h2, e2), right.dhs, 'last-step'],
      ['no recurrent path', { recurrentPath: false }, sums(sweep((h) => 1 - h * h, false)), sweep((h) => 1 - h * h, false).dhs, 'last-step'],
      ['1 − a²', { derivative: 'one-minus-a2' }, sums(sweep((_, a) => 1 - a * a, true)), sweep((_, a) => 1 - a * a, true).dhs, 'last-step'],
      ['1 − h', { derivative: 'one-minus-h' }, sums(sweep((h) => 1 - h, true)), sweep((h) => 1 - h, true).dhs, 'last-step'],
      ['no derivative', { derivative: 'none' }, sums(sweep(() => 1, true)), sweep(() => 1, true).dhs, 'last-step'],
      ['h_t in dWhh', { whhInput: 'h-current' }, grads(da1 * x1 + da2 * x2, da1 * h1 + da2 * h2, da1 + da2, e1 * h1 + e2 * h2, e1 + e2), right.dhs, 'last-step'],
      ['h_0 skipped', { whhInput: 'skip-h0' }, grads(da1 * x1 + da2 * x2, da2 * h1, da1 + da2, e1 * h1 + e2 * h2, e1 + e2), right.dhs, 'last-step'],
      // One step back from step T: step 1 gets nothing, not even its own output's gradient.
      ['1 step from step T', { truncate: 1 }, grads(da2 * x2, da2 * h1, da2, e1 * h1 + e2 * h2, e1 + e2), [[0], right.dhs[1]], 'last-step'],
      // One step back from each loss: each loss reaches only its own step (no path through h_2).
      ['1 step from each loss', { truncate: 1 }, sums(sweep((h) => 1 - h * h, false)), sweep((h) => 1 - h * h, false).dhs, 'each-loss'],
      ['2 steps from each loss', { truncate: 2 }, sums(right), right.dhs, 'each-loss'],
    ];
    for (const [what, change, want, dhs, from] of cases) {
      const got = bpttWith({ ...CORRECT_VARIANT, ...change }, { Wxh: [[wx]], Whh: [[wh]], bh: [b], Why: [[v]], by: [c] }, [h0], [[x1], [x2]], [[y1], [y2]], from);
      close(got.loss, L, `${what}: loss`);
      for (const key of ['Wxh', 'Whh', 'bh', 'Why', 'by'] as const) close(got.grads[key].flat()[0], want[key].flat()[0], `${what}: d${key}`);
      got.dhs.forEach((dh, t) => close(dh[0], dhs[t][0], `${what}: dhs[${t}]`));
    }
  });

  test('every choice right: plain BPTT (the loss, every gradient, ‖dL/dh_t‖)', () => {
    for (const pr of problems) {
      const got = bpttWith(CORRECT_VARIANT, pr.p, pr.h0, pr.xs, pr.targets);
      const e = toEngineProblem(pr.p, pr.h0, pr.xs, pr.targets);
      const want = plainBptt(e.params, e.batch, e.targets, e.loss);
      close(got.loss, want.loss, `${pr.label} loss`);
      sameGrads(got.grads, buffersOf(want.grads, ['Wxh', 'Whh', 'bh', 'Why', 'by']), pr.label);
      got.dhs.forEach((dh, t) => close(Math.hypot(...dh), want.hiddenGradNorms[t], `${pr.label} ‖dL/dh_${t + 1}‖`));
    }
  });

  test('truncated k steps from step T: dWxh, dWhh, dbh, dL/dh_t are plain BPTT on steps T−k+1..T alone (0 before); the loss, dWhy, dby are whole', () => {
    for (const pr of problems) {
      const T = pr.xs.length;
      const e = toEngineProblem(pr.p, pr.h0, pr.xs, pr.targets);
      for (let k = 1; k < T; k++) {
        const what = `${pr.label}, k = ${k}`;
        const got = bpttWith({ ...CORRECT_VARIANT, truncate: k }, pr.p, pr.h0, pr.xs, pr.targets, 'last-step');
        sameLossAndOutput(got, pr, what);
        const first = T - k + 1;
        const w = stepsWindow(e, first, T, (t) => pr.targets[t - 1] !== null);
        const swept = plainBptt(w.params, w.batch, w.targets, w.loss);
        sameGrads(got.grads, buffersOf(swept.grads, ['Wxh', 'Whh', 'bh']), what);
        got.dhs.forEach((dh, i) => close(Math.hypot(...dh), i + 1 < first ? 0 : swept.hiddenGradNorms[i + 1 - first], `${what} ‖dL/dh_${i + 1}‖`));
      }
    }
  });

  test('truncated k steps from each loss step s: the sum over s of plain BPTT on steps s−k+1..s with the loss at s; dL/dh_t by central differences', () => {
    const eps = 1e-6;
    for (const pr of problems) {
      const T = pr.xs.length;
      const e = toEngineProblem(pr.p, pr.h0, pr.xs, pr.targets);
      // ℓ_s as a function of h_t: run the cell from h over steps t+1..s, then ½‖Why h_s + by − target_s‖².
      const lossAtFrom = (s: number, t: number, h: Float64Array): number => {
        for (let u = t + 1; u <= s; u++) h = plainCell(e.params, h, inputAt(e.batch, u));
        const target = pr.targets[s - 1] as Vec;
        return pr.p.Why.reduce((sum, row, o) => sum + 0.5 * (row.reduce((y, w, j) => y + w * h[j], pr.p.by[o]) - target[o]) ** 2, 0);
      };
      for (const k of stepCounts(T, [1, 2, 3, T - 1])) {
        const what = `${pr.label}, k = ${k}`;
        const got = bpttWith({ ...CORRECT_VARIANT, truncate: k }, pr.p, pr.h0, pr.xs, pr.targets, 'each-loss');
        sameLossAndOutput(got, pr, what);
        const shared = { Wxh: new Float64Array(e.params.Wxh.data.length), Whh: new Float64Array(e.params.Whh.data.length), bh: new Float64Array(e.params.bh.length) };
        for (const s of lossSteps(pr)) {
          const w = stepsWindow(e, Math.max(1, s - k + 1), s, (t) => t === s);
          const part = buffersOf(plainBptt(w.params, w.batch, w.targets, w.loss).grads, ['Wxh', 'Whh', 'bh']);
          for (const key of ['Wxh', 'Whh', 'bh'] as const) part[key]?.forEach((v, i) => { shared[key][i] += v; });
        }
        sameGrads(got.grads, shared, what);
        for (let t = 1; t <= T; t++) {
          const h = stateAfter(e.params, e.batch, t);
          const reaching = lossSteps(pr).filter((s) => s >= t && s - k + 1 <= t);
          h.forEach((_, j) => {
            const nudged = (by: number): Float64Array => h.map((v, i) => (i === j ? v + by : v));
            const want = reaching.reduce((sum, s) => sum + (lossAtFrom(s, t, nudged(eps)) - lossAtFrom(s, t, nudged(-eps))) / (2 * eps), 0);
            assert.ok(Math.abs(got.dhs[t - 1][j] - want) <= 1e-6 * (1 + Math.abs(want)), `${what} dhs[${t - 1}][${j}]: ${got.dhs[t - 1][j]} vs ${want}`);
          });
        }
      }
    }
  });
});

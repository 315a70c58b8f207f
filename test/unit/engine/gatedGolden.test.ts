// The gated cells (LSTM, GRU) against their golden cases, computed with PyTorch autograd in float64
// (test/fixtures/engine-cases/gated/README.md): every expected number within abs + rel·|exp|, and the
// hidden- and cell-gradient norms also within a PURE relative 1e-9 (the long cases fall far below
// the absolute floor). Run through the CLI's case runner, as `rnn-lab engine <case.json>` prints it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isGatedCase, readGatedEngineCase, runGatedEngineCase } from '../../../src/cli/gatedEngineCase';
import { CASES_DIR, compareAll, describeWorst, repoRoot } from './support';

const GATED_DIR = join(CASES_DIR, 'gated');

interface GatedCaseFile {
  name: string;
  cell: 'lstm' | 'gru';
  expected: Record<string, unknown> & { hiddenGradNorms: number[]; cellGradNorms?: number[] };
  tolerance: { rel: number; abs: number };
}

const cases = readdirSync(GATED_DIR).filter((f) => f.endsWith('.json')).sort()
  .map((file) => ({ file, json: JSON.parse(readFileSync(join(GATED_DIR, file), 'utf8')) as GatedCaseFile }));

test('the gated golden cases are all there: four LSTM, four GRU', () => {
  assert.equal(cases.length, 8, cases.map((c) => c.file).join(', '));
  assert.equal(cases.filter((c) => c.json.cell === 'lstm').length, 4);
  assert.equal(cases.filter((c) => c.json.cell === 'gru').length, 4);
  for (const c of cases) assert.ok(isGatedCase(c.json), c.file);
});

function assertRelative(got: readonly number[] | undefined, expected: readonly number[], what: string): void {
  assert.ok(got, `${what} is printed`);
  assert.equal(got.length, expected.length, what);
  expected.forEach((e, t) => {
    const rel = Math.abs(got[t] - e) / Math.abs(e);
    assert.ok(rel <= 1e-9, `${what}[${t}] = ${got[t]}, expected ${e}: relative error ${rel} > 1e-9`);
  });
}

describe('the gated cells reproduce the golden cases', () => {
  for (const c of cases) {
    test(c.file, () => {
      const got = runGatedEngineCase(readGatedEngineCase(c.json));
      assert.deepEqual(Object.keys(got).sort(), Object.keys(c.json.expected).sort(), 'the output has exactly the keys of expected');
      const r = compareAll(got, c.json.expected, c.json.tolerance);
      assert.ok(r.count > 10, `${r.count} numbers compared`);
      assert.equal(r.failures, 0, `${c.file}: ${r.failures} of ${r.count} numbers out of tolerance; ${describeWorst(r.worst)}`);
      assertRelative(got.hiddenGradNorms, c.json.expected.hiddenGradNorms, `${c.file}: hiddenGradNorms`);
      if (c.json.cell === 'lstm') assertRelative(got.cellGradNorms, c.json.expected.cellGradNorms ?? [], `${c.file}: cellGradNorms`);
    });
  }
});

test('the ratios the issue quotes: ‖∂L/∂h_1‖/‖∂L/∂h_T‖ of the T = 40 LSTM case with forget-gate bias 1', () => {
  const c = cases.find((x) => x.file.startsWith('g05'));
  assert.ok(c);
  const got = runGatedEngineCase(readGatedEngineCase(c.json));
  const ratio = got.hiddenGradNorms[0] / got.hiddenGradNorms[got.hiddenGradNorms.length - 1];
  assert.ok(ratio > 2.8e-5 && ratio < 3.0e-5, `${ratio}`);
});

// The BUILT command line (npm run test:unit builds dist/ first), as a child process.
const CLI = join(repoRoot(), 'dist', 'cli.js');
const rnnLab = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('rnn-lab engine <case.json> runs the gated cases', () => {
  for (const c of cases) {
    test(c.file, () => {
      const r = rnnLab('engine', join(GATED_DIR, c.file));
      assert.equal(r.status, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(out).sort(), Object.keys(c.json.expected).sort());
      const cmp = compareAll(out, c.json.expected, c.json.tolerance);
      assert.equal(cmp.failures, 0, `${c.file}: ${describeWorst(cmp.worst)}`);
    });
  }
  test('an unknown cell, a missing c0 or a wrong gate block exits 2 naming the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-gated-'));
    try {
      const lstm = cases[0].json as unknown as Record<string, Record<string, unknown>>;
      const write = (name: string, value: unknown): string => { const f = join(dir, name); writeFileSync(f, JSON.stringify(value)); return f; };
      const bad = [
        [write('cell.json', { ...lstm, cell: 'rnn' }), /cell must be "lstm" or "gru"/],
        [write('c0.json', { ...lstm, params: { ...lstm.params, c0: undefined } }), /params\.c0 is missing/],
        [write('blocks.json', { ...lstm, cell: 'gru' }), /params\.Wh must be 3H×H \(blocks r, z, n\) = 3×1, got 4×1/],
      ] as const;
      for (const [file, message] of bad) {
        const r = rnnLab('engine', file);
        assert.equal(r.status, 2, file);
        assert.match(r.stderr, message);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

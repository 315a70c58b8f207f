import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { compareAll, describeWorst, goldenCases, repoRoot } from '../engine/support';

// The BUILT command line (npm run test:unit builds dist/ first), run as a child process.
const CLI = join(repoRoot(), 'dist', 'cli.js');

function rnnLab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function caseFile(name: string, content: string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

const tiny = JSON.parse(readFileSync(join(repoRoot(), 'test', 'fixtures', 'engine-cases', '02_tiny_T2_mse_all.json'), 'utf8')) as Record<string, unknown>;

describe('rnn-lab engine reproduces every golden case', () => {
  for (const c of goldenCases()) {
    test(c.file, () => {
      const r = rnnLab('engine', join(repoRoot(), 'test', 'fixtures', 'engine-cases', c.file));
      assert.equal(r.status, 0, r.stderr);
      assert.equal(r.stderr, '');
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      assert.deepEqual(Object.keys(out).sort(), Object.keys(c.json.expected).sort());
      const cmp = compareAll(out, c.json.expected, c.json.tolerance);
      assert.equal(cmp.failures, 0, `${c.file}: ${describeWorst(cmp.worst)}`);
    });
  }

  test('numbers are printed with full float64 precision (they round-trip exactly)', () => {
    const file = join(repoRoot(), 'test', 'fixtures', 'engine-cases', '15_big_B8_mse_all_H64.json');
    const out = JSON.parse(rnnLab('engine', file).stdout) as { loss: number };
    const again = JSON.parse(rnnLab('engine', file).stdout) as { loss: number };
    assert.equal(out.loss, again.loss);
    assert.ok(String(out.loss).replace(/^-?0\.0*/, '').replace('.', '').length >= 15, `loss printed as ${out.loss}`);
  });
});

describe('rnn-lab engine on bad arguments and broken files: exit 2, a message, no stack trace', () => {
  const expectUsage = (args: string[], ...patterns: RegExp[]): void => {
    const r = rnnLab(...args);
    assert.equal(r.status, 2, `exit status for ${args.join(' ')}; stderr: ${r.stderr}`);
    assert.equal(r.stdout, '');
    for (const p of patterns) assert.match(r.stderr, p);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a stack trace was printed');
  };

  test('no file, two files, unknown option', () => {
    expectUsage(['engine'], /expected exactly one case file, got 0/, /usage: rnn-lab engine <case\.json>/);
    expectUsage(['engine', 'a.json', 'b.json'], /got 2 arguments/);
    expectUsage(['engine', '--fast', 'a.json'], /unknown option --fast/);
  });

  test('a path that does not exist, and a directory', () => {
    expectUsage(['engine', join(scratch, 'missing.json')], /cannot read .*missing\.json: no such file/);
    expectUsage(['engine', scratch], /is a directory, not a case file/);
  });

  test('invalid JSON, with line and column', () => {
    const file = caseFile('broken.json', '{\n  "params": {\n    "Wxh": [[1, 2],\n  }\n}\n');
    expectUsage(['engine', file], /broken\.json:4:3: not valid JSON/);
    expectUsage(['engine', caseFile('empty.json', '')], /empty\.json:1:1: not valid JSON/);
  });

  test('a missing field', () => {
    const rest = { ...tiny };
    delete rest.targets;
    expectUsage(['engine', caseFile('no-targets.json', JSON.stringify(rest))], /no-targets\.json: invalid case: targets is missing/);
  });

  test('a wrong shape names the field and the shapes', () => {
    const params = { ...(tiny.params as Record<string, unknown>), Whh: [[0.1, 0.2, 0.3]] };
    expectUsage(['engine', caseFile('bad-whh.json', JSON.stringify({ ...tiny, params }))], /invalid case: params\.Whh must be H×H = \d+×\d+, got 1×3/);
    const xs = tiny.xs as number[][][];
    const ragged = [[...xs[0], [1, 2, 3, 4, 5, 6, 7]]];
    expectUsage(['engine', caseFile('ragged.json', JSON.stringify({ ...tiny, xs: ragged }))], /invalid case: xs\[0\]\[\d+\] must have D = \d+ numbers like xs\[0\]\[0\], got 7/);
  });

  test('a non-number', () => {
    const params = { ...(tiny.params as Record<string, unknown>), bh: ['zero'] };
    expectUsage(['engine', caseFile('string.json', JSON.stringify({ ...tiny, params }))], /invalid case: params\.bh\[0\] must be a number, got the string "zero"/);
  });

  test('--help', () => {
    const r = rnnLab('engine', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: rnn-lab engine <case\.json>/);
    const top = rnnLab('--help');
    assert.equal(top.status, 0);
    assert.match(top.stdout, /engine .*\n.*bench /);
  });
});

describe('rnn-lab bench', () => {
  test('--json prints medianMs and gflops for a, b, c, d', () => {
    const r = rnnLab('bench', '--json', '--runs', '1', '--budget-ms', '0');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, { medianMs: number; gflops: number }>;
    assert.deepEqual(Object.keys(out), ['a', 'b', 'c', 'd']);
    for (const [id, v] of Object.entries(out)) {
      assert.deepEqual(Object.keys(v), ['medianMs', 'gflops'], id);
      assert.ok(v.medianMs > 0 && v.gflops > 0, `${id}: ${JSON.stringify(v)}`);
    }
  });

  test('--help, and a bad --runs', () => {
    const r = rnnLab('bench', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^usage: rnn-lab bench \[--json\]/);
    const bad = rnnLab('bench', '--runs', 'many');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--runs must be an integer from 1 to 1000, got "many"/);
  });
});

describe('rnn-lab output into a pipe', () => {
  test('a reader that stops early (here one that reads nothing) ends the output quietly, with no stack trace', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" demo horizon | true`], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
  });
});

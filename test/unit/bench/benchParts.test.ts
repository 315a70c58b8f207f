// The pure parts of `npm run bench` (bench/): the statistics, the verdict column, and the lab with
// one hanging task that the checker benchmark makes from a correct lab.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { withHangingTrainStep } from '../../../bench/hangingLab';
import { median, percentile, row, targetTable } from '../../../bench/targets';

test('median and nearest-rank percentile', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
  assert.equal(percentile(xs, 95), 95);
  assert.equal(percentile(xs, 100), 100);
  assert.equal(percentile([7], 95), 7);
});

test('the table says PASS, FAIL or (reported) per row', () => {
  const table = targetTable([
    row({ part: 'engine', id: 'a', what: 'fast', value: 1.5, unit: 'ms', target: '< 2 ms', pass: true }),
    row({ part: 'checker', id: 'b', what: 'slow', value: 2500, unit: 'ms', target: '< 2000 ms', pass: false }),
    row({ part: 'checker', id: 'c', what: 'rss', value: 130.4, unit: 'MB', target: '—', pass: null }),
  ]);
  const lines = table.trim().split('\n');
  assert.equal(lines.length, 5);
  assert.equal(lines[2], '| engine | fast | 1.50 ms | < 2 ms | PASS |');
  assert.equal(lines[3], '| checker | slow | 2500 ms | < 2000 ms | FAIL |');
  assert.equal(lines[4], '| checker | rss | 130 MB | — | (reported) |');
});

test('the hanging lab loops at the start of trainStep and nowhere else', () => {
  const source = readFileSync('test/fixtures/labs/correct-loops/rnn.ts', 'utf8');
  const hanging = withHangingTrainStep(source);
  const lines = hanging.split('\n');
  const at = lines.findIndex((l) => l.startsWith('export function trainStep'));
  assert.ok(at >= 0);
  assert.match(lines[at + 1], /^\s*for \(;;\)/);
  assert.equal(hanging.match(/for \(;;\)/g)?.length, 1);
  assert.equal(hanging.replace(lines[at + 1] + '\n', ''), source);
  assert.throws(() => withHangingTrainStep('export const x = 1;\n'), /could not find the line "export function trainStep/);
});

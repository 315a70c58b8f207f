import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawGradingSeed, MAX_GRADING_SEED, parseGradingSeed } from '../../../../src/checker/boundary/gradingSeed';

describe('the grading seed', () => {
  test('drawn seeds are whole numbers in range and differ between runs', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const { seed, source } = drawGradingSeed();
      assert.equal(source, 'drawn');
      assert.ok(Number.isInteger(seed) && seed >= 0 && seed <= MAX_GRADING_SEED);
      seeds.add(seed);
    }
    // 200 draws from 2^32 values: a repeat has probability below 5e-6.
    assert.ok(seeds.size >= 199);
  });

  test('--seed accepts decimal whole numbers up to 2^32 − 1', () => {
    assert.deepEqual(parseGradingSeed('0'), { ok: true, seed: { seed: 0, source: 'given' } });
    assert.deepEqual(parseGradingSeed('4294967295'), { ok: true, seed: { seed: 4294967295, source: 'given' } });
    assert.deepEqual(parseGradingSeed('0042'), { ok: true, seed: { seed: 42, source: 'given' } });
  });

  test('--seed refuses anything else, naming what it got', () => {
    for (const bad of ['', '-1', '+1', '1e3', '0x10', ' 7', '7 ', '1.5', '4294967296', '99999999999', 'NaN', 'Infinity', '٣']) {
      const r = parseGradingSeed(bad);
      assert.equal(r.ok, false, bad);
      assert.ok(!r.ok && r.message.includes('--seed'), bad);
    }
    const long = parseGradingSeed('9'.repeat(10_000));
    assert.ok(!long.ok && long.message.length < 200);
  });
});

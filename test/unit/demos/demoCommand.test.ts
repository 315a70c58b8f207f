import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/command';
import { COMMANDS } from '../../../src/cli/commands';
import { demoCommand } from '../../../src/cli/demoCommand';
import { DEMO_IDS } from '../../../src/lesson/demos';

/** Runs `rnn-lab demo …` as the dispatcher does: a UsageError is exit 2 with its message on stderr. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const io = { out: (t: string) => { out += t; }, err: (t: string) => { err += t; } };
  try {
    const code = await demoCommand.run(argv.slice(1), io);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: e.message };
  }
}

test('the demo command is listed in the CLI', () => {
  assert.ok(COMMANDS.includes(demoCommand));
});

for (const id of DEMO_IDS) {
  test(`rnn-lab demo ${id} --json prints the demo's series as one JSON object`, async () => {
    const args = id === 'train' ? ['demo', id, '--json', '--steps', '20'] : ['demo', id, '--json'];
    const { code, out } = await cli(...args);
    assert.equal(code, 0);
    const o = JSON.parse(out) as { demo: string; series: { label: string; x: number[]; y: (number | null)[] }[] };
    assert.equal(o.demo, id);
    assert.ok(o.series.length > 0);
    for (const s of o.series) assert.equal(s.x.length, s.y.length, s.label);
  });
}

test('rnn-lab demo clipping (human) names the fraction clipped and prints one row per step', async () => {
  const { code, out } = await cli('demo', 'clipping');
  assert.equal(code, 0);
  assert.match(out, /fractionClipped: 0\.\d+/);
  assert.equal(out.trim().split('\n').filter((l) => /^\d+\t/.test(l)).length, 150);
});

test('rnn-lab demo with a bad name or a train-only flag exits 2 with a message naming the problem', async () => {
  const bad = await cli('demo', 'nope');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown demo "nope"\. One of: train, gradientNorms, predictThenRun, clipping/);
  const flag = await cli('demo', 'clipping', '--delay', '3');
  assert.equal(flag.code, 2);
  assert.match(flag.err, /apply to the train demo only/);
  const steps = await cli('demo', 'train', '--steps', '0');
  assert.equal(steps.code, 2);
  assert.match(steps.err, /--steps must be a positive integer, got 0/);
});

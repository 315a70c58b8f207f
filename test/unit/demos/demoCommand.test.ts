import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/cli/command';
import { COMMANDS } from '../../../src/cli/commands';
import { demoCommand } from '../../../src/cli/demoCommand';
import { DEMO_IDS } from '../../../src/lesson/demos';
import { testEngine } from '../../support/engine';

/** Runs `rnn-lab demo …` as the dispatcher does: a UsageError is exit 2 with its message on stderr. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const io = { out: (t: string) => { out += t; }, err: (t: string) => { err += t; } };
  try {
    const code = await demoCommand.run(argv.slice(1), io, testEngine);
    return { code, out, err };
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return { code: 2, out, err: e.message };
  }
}

interface Printed {
  demo: string; title: string; lookFor: string; settings: Record<string, unknown>; notes: Record<string, unknown>;
  series: { id: string; label: string; x: number[]; y: (number | null)[] }[];
}

/** The ids the format promises for each demo (more are allowed). */
const REQUIRED: Record<(typeof DEMO_IDS)[number], string[]> = {
  train: ['loss.delay1', 'loss.delay16', 'heldOutAccuracy.delay1', 'heldOutAccuracy.delay16'],
  gradientNorms: ['tanh.rho0.5', 'tanh.rho0.9', 'tanh.rho1', 'tanh.rho1.5', 'linear.rho0.5', 'linear.rho0.9', 'linear.rho1', 'linear.rho1.5'],
  predictThenRun: ['gradFirst', 'ratio'],
  clipping: ['loss.unclipped', 'loss.clipped', 'gradNorm.unclipped', 'gradNorm.clipped', 'horizonRatio.unclipped', 'meanAbsH.unclipped'],
  horizon: ['contribution'],
  gating: ['init.rnn', 'init.lstm.forgetBias0', 'init.lstm.forgetBias1', 'init.gru', 'trained.rnn', 'trained.lstm.forgetBias1', 'trained.gru', 'heldOutAccuracy.rnn', 'heldOutAccuracy.lstm.forgetBias1', 'heldOutAccuracy.gru'],
};

/** Each demo's --json output, printed once (the demos train, so they are not free). */
const printed = new Map<string, Promise<{ code: number; out: string; err: string }>>();
function cliJson(id: string): Promise<{ code: number; out: string; err: string }> {
  if (!printed.has(id)) printed.set(id, id === 'train' ? cli('demo', id, '--json', '--steps', '20') : cli('demo', id, '--json'));
  return printed.get(id) as Promise<{ code: number; out: string; err: string }>;
}

test('the demo command is listed in the CLI', () => {
  assert.ok(COMMANDS.includes(demoCommand));
});

for (const id of DEMO_IDS) {
  test(`rnn-lab demo ${id} --json: one object with the format's keys and series ids, x from 1 (0 for the accuracy before training)`, async () => {
    const { code, out } = await cliJson(id);
    assert.equal(code, 0);
    const o = JSON.parse(out) as Printed;
    assert.deepEqual(Object.keys(o), ['demo', 'title', 'lookFor', 'settings', 'series', 'notes']);
    assert.equal(o.demo, id);
    const ids = o.series.map((s) => s.id);
    for (const required of REQUIRED[id]) assert.ok(ids.includes(required), `${id}: ${required} in ${ids.join(', ')}`);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const s of o.series) {
      assert.equal(s.x.length, s.y.length, s.id);
      assert.ok(s.y.every((y) => y === null || typeof y === 'number'), s.id);
      // The gating demo's lag curves start at the lag k = 0 (contracts §5b).
      const first = s.id.startsWith('heldOutAccuracy.') || (id === 'gating' && /^(init|trained)\./.test(s.id)) ? 0 : 1;
      assert.equal(s.x[0], first, `${s.id} starts at ${first}`);
    }
  });
}

test('settings name what the format promises: the clipping threshold, the spectral radius, the delays', async () => {
  const clipping = JSON.parse((await cliJson('clipping')).out) as Printed;
  assert.equal(typeof clipping.settings.threshold, 'number');
  const predict = JSON.parse((await cliJson('predictThenRun')).out) as Printed;
  assert.equal(predict.settings.rho, 0.9);
  const train = JSON.parse((await cliJson('train')).out) as Printed;
  assert.deepEqual(train.settings.delays, [1, 2, 4, 8, 16]);
});

test('non-finite values are printed as null', () => {
  // The demos print with JSON.stringify, which writes NaN and ±Infinity as null.
  assert.equal(JSON.stringify({ y: [1, NaN, Infinity, -Infinity] }), '{"y":[1,null,null,null]}');
});

test('rnn-lab demo clipping (human) names the fraction clipped and prints one row per step', async () => {
  const { code, out } = await cli('demo', 'clipping');
  assert.equal(code, 0);
  assert.match(out, /fractionClipped: 0\.\d+/);
  assert.equal(out.trim().split('\n').filter((l) => /^\d+\t/.test(l)).length, 200);
});

test('rnn-lab demo with a bad name or a train-only flag exits 2 with a message naming the problem', async () => {
  const bad = await cli('demo', 'nope');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown demo "nope"\. One of: train, gradientNorms, predictThenRun, clipping, horizon/);
  const flag = await cli('demo', 'clipping', '--steps', '3');
  assert.equal(flag.code, 2);
  assert.match(flag.err, /--steps applies to the train demo only/);
  const steps = await cli('demo', 'train', '--steps', '0');
  assert.equal(steps.code, 2);
  assert.match(steps.err, /--steps must be a positive integer, got 0/);
});

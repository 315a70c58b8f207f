// The student side of the plot's ∂L/∂Whh and clipping panels, end to end without VS Code: a lab's
// bptt runs in the checker's sandbox on the plot's own problem, and what it returns passes the
// webview's validation and adds up as the panels say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { runStudentProbe } from '../../../src/checker/host/studentProbe';
import { probeProblem, studentProbeInput, PROBE_DEFAULTS } from '../../../src/demos/probeProblem';
import { globalNorm } from '../../../src/engine';
import { validateHostMessage } from '../../../webview/shared/validate';
import { probeBackward } from '../../../webview/plot/probeBackward';
import { relativeMaxDifference, whhContributions } from '../../../webview/plot/whhContributions';
import { repoRoot } from '../../support/repoRoot';
import { testEngine } from '../../support/engine';

const WORKER = join(repoRoot(), 'dist', 'checker-worker.js');
const lab = (name: string) => join(repoRoot(), 'test', 'fixtures', 'labs', name);
const controls = { ...PROBE_DEFAULTS, T: 25 };

async function probe(name: string) {
  const r = await runStudentProbe({ labDir: lab(name), ...studentProbeInput(probeProblem(controls)), timeoutMs: 20_000 }, { workerPath: WORKER });
  assert.ok(r.ok, JSON.stringify(r).slice(0, 300));
  const message = validateHostMessage({
    type: 'studentResult', requestId: 1, labName: name,
    result: { ok: true, norms: r.dhsNorms, loss: r.loss, elapsedMs: r.elapsedMs, dhs: r.dhs, dWhh: r.dWhh, gradNorm: r.gradNorm },
  });
  assert.ok(message.type === 'studentResult' && message.result.ok);
  return message.result;
}

test('a correct lab: its dhs give contributions that add up to its dWhh, which is the engine\'s', async () => {
  const mine = await probe('correct-loops');
  const engine = probeBackward(testEngine, probeProblem(controls));
  const { sum } = whhContributions(engine.hs, mine.dhs);
  assert.ok(mine.dWhh);
  const dWhh = mine.dWhh.flat();
  assert.ok(relativeMaxDifference(sum, dWhh) < 1e-9);
  assert.ok(relativeMaxDifference(dWhh, engine.grads.Whh.data) < 1e-9);
  assert.ok(mine.gradNorm !== null && Math.abs(mine.gradNorm - globalNorm(engine.grads)) < 1e-9 * mine.gradNorm);
});

test('a lab with typed-array rows is read the same way', async () => {
  const mine = await probe('correct-typed-arrays');
  const engine = probeBackward(testEngine, probeProblem(controls));
  assert.ok(mine.dWhh && relativeMaxDifference(mine.dWhh.flat(), engine.grads.Whh.data) < 1e-9);
});

test('a lab that keeps one step\'s gradient for the shared weights: its dWhh is not the sum of its own contributions', async () => {
  const mine = await probe('mistake-weights-not-shared');
  const engine = probeBackward(testEngine, probeProblem(controls));
  assert.ok(relativeMaxDifference(whhContributions(engine.hs, mine.dhs).sum, engine.grads.Whh.data) < 1e-9, 'its dhs are right');
  assert.ok(mine.dWhh && relativeMaxDifference(whhContributions(engine.hs, mine.dhs).sum, mine.dWhh.flat()) > 1e-6, 'its dWhh is not their sum');
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { refBptt } from '../../../src/checker/oracle/reference';
import { runStudentProbe } from '../../../src/checker/host/studentProbe';
import { makeProblem } from '../../../src/checker/oracle/problems';
import { fixture, TEMPLATES, WORKER } from './support';

const pr = makeProblem('probe', 7, { D: 2, H: 4, O: 1, T: 12 }, 'last');
const request = (labDir: string, timeoutMs = 5000) => ({ labDir, params: { ...pr.p, h0: pr.h0 }, h0: pr.h0, xs: pr.xs, targets: pr.targets, timeoutMs });

describe('runStudentProbe (the student gradient plot)', () => {
  test("returns the student's loss and ‖dhs[t]‖, equal to the engine's for a correct lab", async () => {
    const r = await runStudentProbe(request(fixture('correct-split')), { workerPath: WORKER });
    assert.ok(r.ok, JSON.stringify(r));
    const ref = refBptt(pr.p, pr.h0, pr.xs, pr.targets);
    assert.ok(Math.abs(r.loss - ref.loss) < 1e-12);
    assert.equal(r.dhsNorms.length, 12);
    r.dhsNorms.forEach((n, t) => assert.ok(Math.abs(n - Math.hypot(...ref.dhs[t])) < 1e-12, `t = ${t}`));
  });

  test('the untouched scaffold is todo, with the location of the stub', async () => {
    const r = await runStudentProbe(request(TEMPLATES), { workerPath: WORKER });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.status, 'todo');
      assert.equal(r.location?.file, 'rnn.ts');
    }
  });

  test('a hanging bptt times out within its budget', async () => {
    const t0 = performance.now();
    const r = await runStudentProbe(request(fixture('hostile-hang-in-bptt'), 800), { workerPath: WORKER });
    assert.equal(r.ok ? 'ok' : r.status, 'timeout');
    // The same verdict, in the same unit, as the checker gives.
    assert.match(r.ok ? '' : r.message, /^bptt did not return within 0\.8 s, so it was stopped\./);
    assert.ok(performance.now() - t0 < 800 + 10_000);
  });

  test('a lab that does not compile is an error at the line', async () => {
    const r = await runStudentProbe(request(fixture('hostile-syntax-error')), { workerPath: WORKER });
    assert.deepEqual(r.ok ? null : [r.status, r.location], ['error', { file: 'rnn.ts', line: 14, column: 57 }]);
  });
});

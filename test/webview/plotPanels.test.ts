// The student plot's panels below the curves, in real Chromium: the clipping control shows the
// parameter gradients' norms before and after clipping (the ‖∂L/∂h_t‖ curve does not move), and
// ∂L/∂Whh is shown as the sum of per-step contributions, for the engine and the student's dhs.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { engineProbe, probeProblem, PROBE_DEFAULTS, type ProbeControls } from '../../src/demos/probeProblem';
import { globalNorm } from '../../src/engine';
import { plainBptt } from '../../src/engine/reference/plainBptt';
import { closeBrowser, openWebview, type WebviewPage } from '../../scripts/webview-harness';
import { probeBackward } from '../../webview/plot/probeBackward';
import { correctStudent } from './plotStudent';
import { testEngine } from '../support/engine';

after(closeBrowser);

interface Posted { type: string; [k: string]: unknown }
interface Rendered { type: 'rendered'; series: number; points: number }

async function openPlot(): Promise<WebviewPage> {
  const view = await openWebview({ bundle: 'dist/webview/plot.js', styles: ['media/webview.css'], viewport: { width: 1100, height: 1600 } });
  await view.waitForPosted((m: Posted) => m.type === 'ready');
  await view.post({ type: 'showPlot', controls: PROBE_DEFAULTS, studentUnavailable: null, labName: 'lab' });
  return view;
}

async function tableRows(view: WebviewPage, selector: string): Promise<string[][]> {
  return view.page.locator(`${selector} tbody tr`).evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')));
}

/** The reference global gradient norm on the plot's problem, from the plain BPTT. */
function referenceNorm(c: ProbeControls): number {
  const { params, xs, target, T } = probeProblem(c);
  const values = new Float64Array(T * params.Why.rows);
  values.set(target, (T - 1) * params.Why.rows);
  return globalNorm(plainBptt(params, { B: 1, T, D: params.Wxh.cols, xs }, { kind: 'mse', values }, { kind: 'mse', at: 'last' }).grads);
}

test('clipping: the norms of the parameter gradients before and after, and the ‖∂L/∂h_t‖ curve unchanged', async () => {
  const view = await openPlot();
  try {
    await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    assert.match(await view.page.locator('#clipping-summary').innerText(), /No threshold set\. .*global norm ‖g‖ = /);
    const curveBefore = (await tableRows(view, '#data-table')).map((r) => r[1]);
    const norm = referenceNorm(PROBE_DEFAULTS);
    const threshold = Number((norm / 4).toPrecision(3));
    await view.page.locator('#clip input').fill(String(threshold));
    await view.page.locator('#clip input').press('Enter');
    await view.waitForPosted((m: Posted) => m.type === 'runStudent' && (m.controls as ProbeControls).clip === threshold);
    const text = await view.page.locator('#clipping-summary').innerText();
    assert.match(text, new RegExp(`> ${threshold}: every parameter gradient is multiplied by 0\\.2\\d?`));
    assert.match(text, /the direction is kept and an SGD update is at most lr·/);
    const rows = await tableRows(view, '#clipping-table');
    assert.deepEqual(rows.map((r) => r[0]), ['dWxh', 'dWhh', 'dbh', 'dWhy', 'dby', 'all five (global)']);
    const [, before, afterClip] = rows[5].map(Number);
    assert.ok(Math.abs(before - norm) <= 1e-4 * norm, `global norm before ${before} vs reference ${norm}`);
    assert.ok(Math.abs(afterClip - threshold) <= 1e-4 * threshold, `after ${afterClip} vs threshold ${threshold}`);
    for (const [name, b, a] of rows.slice(0, 5)) assert.ok(Math.abs(Number(a) / Number(b) - threshold / norm) < 1e-3, `${name}: one factor for all`);
    // Clipping draws no curve of its own, and the ‖∂L/∂h_t‖ numbers are the same as without it.
    const last = ((await view.posted()) as Posted[]).filter((m) => m.type === 'rendered').at(-1) as unknown as Rendered;
    assert.equal(last.series, 1);
    assert.deepEqual((await tableRows(view, '#data-table')).map((r) => r[1]), curveBefore);
    assert.match(await view.page.locator('#clipping').innerText(), /∂L\/∂h_t is computed before it and is never rescaled/);
    await view.screenshot('webview-plot-clipping', '#clipping');

    await view.page.locator('#clip input').fill(String(Math.ceil(norm * 2)));
    await view.page.locator('#clip input').press('Enter');
    await view.page.locator('#clipping-summary', { hasText: 'clipping changes nothing' }).waitFor({ timeout: 5000 });
  } finally {
    await view.close();
  }
});

test('∂L/∂Whh as a sum over the steps: a correct student\'s contributions add up to their dWhh and the engine\'s', async () => {
  const view = await openPlot();
  try {
    const checks = view.page.locator('#contributions-checks li');
    await checks.first().waitFor({ timeout: 5000 });
    assert.deepEqual(await checks.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.check)), ['note', 'engine-sum']);
    assert.match(await checks.first().innerText(), /Step 1 contributes δ_1·h_0ᵀ = 0 here, because h_0 = 0/);
    assert.match(await checks.nth(1).innerText(), /^✓ The engine's contributions add up to its dWhh/);
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: engine, loss: 0.5, elapsedMs: 3, ...correctStudent() }, labName: 'lab' });
    await view.page.locator('#contributions-checks li[data-check="student-engine"]').waitFor({ timeout: 5000 });
    assert.deepEqual(await checks.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.ok ?? 'note')), ['note', 'true', 'true', 'true']);
    assert.equal(await view.page.locator('#contributions-chart').getAttribute('data-points'), String(2 * PROBE_DEFAULTS.T));
    assert.match(await view.page.locator('#clipping-summary').innerText(), /Your bptt's gradients: ‖g‖ = /);
    await view.screenshot('webview-plot-with-panels');
    await view.page.locator('#contributions').scrollIntoViewIfNeeded();
    await view.screenshot('webview-plot-contributions', '#contributions');
  } finally {
    await view.close();
  }
});

test('a dWhh that kept only the last step\'s contribution is caught: it is not the sum of the student\'s own contributions', async () => {
  const view = await openPlot();
  try {
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const right = correctStudent();
    // δ_T·h_{T−1}ᵀ alone, written out: the weights-not-shared mistake, with the right dhs.
    const { hs } = probeBackward(testEngine, probeProblem(PROBE_DEFAULTS));
    const T = PROBE_DEFAULTS.T;
    const delta = right.dhs[T - 1].map((d, i) => d * (1 - hs[T][i] ** 2));
    const lastOnly = delta.map((di) => Array.from(hs[T - 1], (hj) => di * hj));
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: engine, loss: 0.5, elapsedMs: 3, ...right, dWhh: lastOnly }, labName: 'lab' });
    const sum = view.page.locator('#contributions-checks li[data-check="student-sum"]');
    await sum.waitFor({ timeout: 5000 });
    assert.equal(await sum.getAttribute('data-ok'), 'false');
    assert.match(await sum.innerText(), /do NOT add up to your dWhh.*keep \+= over every step/);
    assert.match(await view.page.locator('#contributions-checks li[data-check="student-engine"]').innerText(), /^✗ Your dWhh differs from the engine's/);
    await view.page.locator('#contributions').scrollIntoViewIfNeeded();
    await view.screenshot('webview-plot-contributions-wrong', '#contributions');
  } finally {
    await view.close();
  }
});

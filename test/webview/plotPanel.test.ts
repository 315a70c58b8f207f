// The student plot's bundle in real Chromium: it draws T points per curve, its controls post the
// right messages, its data table holds the numbers the engine computes, and it restores its state.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { engineProbe, probeProblem, PROBE_DEFAULTS, type ProbeControls } from '../../src/demos/probeProblem';
import { NO_LAB_REASON, UNTRUSTED_REASON } from '../../src/extension/plots/studentRunDecision';
import { closeBrowser, openWebview, type WebviewPage } from '../../scripts/webview-harness';
import { correctStudent } from './plotStudent';
import { testEngine } from '../support/engine';

after(closeBrowser);

const BUNDLE = 'dist/webview/plot.js';
const STYLES = ['media/webview.css'];

interface Posted { type: string; [k: string]: unknown }
interface Rendered { type: 'rendered'; series: number; points: number; elapsedMs: number }

async function openPlot(state?: unknown): Promise<WebviewPage> {
  const view = await openWebview({ bundle: BUNDLE, styles: STYLES, state, viewport: { width: 1100, height: 900 } });
  await view.waitForPosted((m: Posted) => m.type === 'ready');
  return view;
}

function showPlot(controls: ProbeControls = PROBE_DEFAULTS, studentUnavailable: string | null = null) {
  return { type: 'showPlot', controls, studentUnavailable, labName: 'lab' };
}

async function renders(view: WebviewPage, after: number): Promise<Rendered[]> {
  const all = (await view.posted()) as Posted[];
  return all.filter((m) => m.type === 'rendered').slice(after) as unknown as Rendered[];
}

async function tableRows(view: WebviewPage): Promise<string[][]> {
  return view.page.locator('#data-table tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')));
}

test('the engine curve is drawn with T points, and the table holds the engine numbers', async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot());
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    assert.deepEqual(run.controls, PROBE_DEFAULTS);
    const [first] = await renders(view, 0);
    assert.equal(first.series, 1);
    assert.equal(first.points, PROBE_DEFAULTS.T);
    assert.equal(await view.page.locator('#gradient-chart').getAttribute('data-points'), String(PROBE_DEFAULTS.T));
    const rows = await tableRows(view);
    assert.equal(rows.length, PROBE_DEFAULTS.T);
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    rows.forEach((cells, i) => {
      assert.equal(cells[0], String(i + 1));
      assert.ok(Math.abs(Number(cells[1]) - engine[i]) <= 1e-6 * engine[i], `row ${i + 1}: ${cells[1]} vs ${engine[i]}`);
    });
    assert.match(await view.page.locator('#summary').innerText(), /the gradient reaching step 1 is .* of the one at step 50/);
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

test("the student's curve is overlaid and the first disagreeing step is named", async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot());
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    // As if the recurrent path were lost from step 20 back: steps 21..T agree, 1..20 do not.
    const wrong = engine.map((n, i) => (i < 20 ? n * 3 : n));
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: wrong, loss: 0.5, elapsedMs: 12, ...correctStudent() }, labName: 'lab' });
    await view.page.locator('#summary', { hasText: 'first disagree at step 20' }).waitFor({ timeout: 5000 });
    const last = (await renders(view, 0)).at(-1);
    assert.equal(last?.series, 2);
    assert.equal(last?.points, 2 * PROBE_DEFAULTS.T);
    const rows = await tableRows(view);
    assert.equal(Number(rows[0][2]).toExponential(3), wrong[0].toExponential(3));
    await view.screenshot('webview-plot-disagreement');
  } finally {
    await view.close();
  }
});

test('moving a control posts runStudent with the new controls and redraws with the new T', async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot());
    await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const before = (await renders(view, 0)).length;
    await view.page.locator('#length').click();
    await view.page.locator('#length vscode-option[value="100"]').click();
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent' && (m.controls as ProbeControls).T === 100);
    assert.equal(run.requestId, 2);
    const [next] = await renders(view, before);
    assert.equal(next.points, 100);
    assert.equal((await tableRows(view)).length, 100);

    await view.page.locator('#clip input').fill('0.001');
    await view.page.locator('#clip input').press('Enter');
    const clipped = await view.waitForPosted((m: Posted) => m.type === 'runStudent' && (m.controls as ProbeControls).clip === 0.001);
    assert.equal((clipped.controls as ProbeControls).T, 100);
    await view.page.locator('#clipping-summary', { hasText: 'every parameter gradient is multiplied by' }).waitFor({ timeout: 5000 });
  } finally {
    await view.close();
  }
});

test('keeping a run overlays it; the state survives a reload', async () => {
  const view = await openPlot();
  let saved: unknown;
  try {
    await view.post(showPlot());
    await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    await view.page.locator('#keep').click();
    await view.page.locator('#radius').click();
    await view.page.locator('#radius vscode-option[value="1.5"]').click();
    await view.waitForPosted((m: Posted) => m.type === 'runStudent' && (m.controls as ProbeControls).radius === 1.5);
    const last = (await renders(view, 0)).at(-1);
    assert.equal(last?.series, 2, 'the kept run and the current one');
    saved = await view.state();
  } finally {
    await view.close();
  }
  const again = await openPlot(saved);
  try {
    await again.post(showPlot());
    const run = await again.waitForPosted((m: Posted) => m.type === 'runStudent');
    assert.equal((run.controls as ProbeControls).radius, 1.5, 'restored controls win over the host defaults');
    const last = (await renders(again, 0)).at(-1);
    assert.equal(last?.series, 2);
  } finally {
    await again.close();
  }
});

test("a kept run's student curve is marked like the current one, so it shows on its engine's line too", async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot());
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: engine, loss: 0.5, elapsedMs: 3, ...correctStudent() }, labName: 'lab' });
    await view.page.locator('#student-state[data-state="done"]').waitFor({ timeout: 5000 });
    await view.page.locator('#keep').click();
    await view.page.locator('#length').click();
    await view.page.locator('#length vscode-option[value="100"]').click();
    await view.waitForPosted((m: Posted) => m.type === 'runStudent' && (m.controls as ProbeControls).T === 100);
    const label = String(await view.page.locator('#gradient-chart').getAttribute('aria-label'));
    assert.match(label, /earlier 1: engine \(ρ 0\.9 · T 50[^)]*\) \(solid line\)/);
    assert.match(label, /earlier 1: your bptt \(hollow diamonds on a dashed line\)/);
  } finally {
    await view.close();
  }
});

test('export buttons post a PNG data URL and the CSV of the plotted numbers', async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot(PROBE_DEFAULTS, 'Trust the workspace to run your code.'));
    await view.page.locator('#export-png').click();
    const png = await view.waitForPosted((m: Posted) => m.type === 'export' && m.format === 'png');
    assert.match(String(png.data), /^data:image\/png;base64,/);
    await view.page.locator('#export-csv').click();
    const csv = await view.waitForPosted((m: Posted) => m.type === 'export' && m.format === 'csv');
    const lines = String(csv.data).trim().split('\n');
    assert.equal(lines.length, PROBE_DEFAULTS.T + 1);
    assert.equal(lines[0], 't,engine (reference)');
    // No student run was requested: the host said the code cannot run.
    assert.equal(((await view.posted()) as Posted[]).some((m) => m.type === 'runStudent'), false);
    assert.match(await view.page.locator('#student-state').innerText(), /Trust the workspace/);
    assert.match(await view.page.locator('#summary').innerText(), /Your bptt was not run: see the note above the chart/);
  } finally {
    await view.close();
  }
});

test('a malformed host message is reported, not used', async () => {
  const view = await openPlot();
  try {
    await view.waitForPosted((m: Posted) => m.type === 'rendered');
    const before = (await renders(view, 0)).length;
    await view.post({ type: 'showPlot', controls: { radius: 'big' } });
    const err = await view.waitForPosted((m: Posted) => m.type === 'webviewError');
    assert.match(String(err.message), /controls\.radius must be a number/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await renders(view, 0)).length, before, 'nothing redrawn from the bad message');
    assert.equal(((await view.posted()) as Posted[]).some((m) => m.type === 'runStudent'), false);
  } finally {
    await view.close();
  }
});

test('colours come from the theme: the engine curve is drawn in --vscode-charts-blue, and a theme switch redraws', async () => {
  const view = await openWebview({ bundle: BUNDLE, styles: STYLES, theme: 'dark', viewport: { width: 1100, height: 900 } });
  try {
    await view.waitForPosted((m: Posted) => m.type === 'ready');
    await view.post(showPlot(PROBE_DEFAULTS, 'engine only'));
    await view.waitForPosted((m: Posted) => m.type === 'rendered');
    // VS Code sets the theme's colours on <html> and its kind as the body's class; the harness sets
    // only a few colours, so switch to a theme with a chart colour of our own.
    await view.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-charts-blue', '#ff00ff');
      document.body.className = 'vscode-dark';
    });
    await new Promise((r) => setTimeout(r, 200));
    const countColour = (rgb: [number, number, number]) => view.page.locator('#gradient-chart').evaluate((c: HTMLCanvasElement, want) => {
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] === want[0] && d[i + 1] === want[1] && d[i + 2] === want[2]) n++;
      return n;
    }, rgb);
    assert.ok(await countColour([255, 0, 255]) > 50, 'the curve is drawn in the theme colour');
    await view.screenshot('webview-plot-dark-theme');
    // A theme switch (VS Code changes the body class and the variables) redraws in the new colour.
    await view.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-charts-blue', '#00ff00');
      document.body.className = 'vscode-high-contrast';
    });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(await countColour([0, 255, 0]) > 50, 'redrawn in the new theme colour');
    assert.equal(await countColour([255, 0, 255]), 0);
  } finally {
    await view.close();
  }
});

/** Pixels close to `hex` (anti-aliasing blends edges) in rows `fromRow`..`toRow` (fractions of the height). */
async function pixelsNear(view: WebviewPage, hex: string, fromRow: number, toRow: number): Promise<number> {
  return view.page.locator('#gradient-chart').evaluate((c: HTMLCanvasElement, [want, from, to]) => {
    const n = parseInt(String(want).slice(1), 16);
    const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255];
    const y0 = Math.floor(c.height * Number(from));
    const y1 = Math.floor(c.height * Number(to));
    const d = c.getContext('2d')?.getImageData(0, y0, c.width, y1 - y0).data ?? new Uint8ClampedArray();
    let count = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 60) count++;
    return count;
  }, [hex, fromRow, toRow] as const);
}

test("a student curve equal to the engine's stays visible: hollow diamonds on the engine's line, and the legend says so", async () => {
  const view = await openPlot();
  try {
    // Colours of our own, so the count is of these curves only (the page's theme sets the rest).
    await view.page.evaluate(() => {
      document.documentElement.style.setProperty('--vscode-charts-blue', '#0000ff');
      document.documentElement.style.setProperty('--vscode-charts-orange', '#ff8000');
      document.body.className = 'vscode-light';
    });
    await view.post(showPlot());
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const engine = engineProbe(testEngine, probeProblem(PROBE_DEFAULTS), null).norms;
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: engine, loss: 0.5, elapsedMs: 3, ...correctStudent() }, labName: 'lab' });
    await view.page.locator('#summary', { hasText: 'agree with the engine at every step' }).waitFor({ timeout: 5000 });
    // Below the legend, in the plot: both curves show although they coincide point for point.
    const student = await pixelsNear(view, '#ff8000', 0.25, 1);
    const engineLine = await pixelsNear(view, '#0000ff', 0.25, 1);
    // About 3000 and 570 here; small dots peeking out from under the engine's line gave about 800 orange.
    assert.ok(student > 2000, `the student's hollow markers are drawn on top (${student} orange pixels)`);
    assert.ok(engineLine > 300, `the engine's line still shows between the markers (${engineLine} blue pixels)`);
    // The legend draws each curve's own look, and the description names it.
    const label = await view.page.locator('#gradient-chart').getAttribute('aria-label');
    assert.match(String(label), /engine \(reference\) \(solid line\)/);
    assert.match(String(label), /your bptt \(hollow diamonds on a dashed line\)/);
    assert.ok(await pixelsNear(view, '#ff8000', 0, 0.2) > 20, 'the legend shows the student sample');
    await view.screenshot('webview-plot-student-equals-engine');
  } finally {
    await view.close();
  }
});

test('the engine curve is drawn before VS Code answers; then a clear "running your bptt" state until the result', async () => {
  const view = await openPlot();
  try {
    const [first] = await renders(view, 0).then(async (r) => r.length ? r : [await view.waitForPosted<Rendered>((m) => m.type === 'rendered')]);
    assert.equal(first.points, PROBE_DEFAULTS.T, 'the engine curve, with no host message yet');
    assert.equal(await view.page.locator('#student-state').getAttribute('data-state'), 'connecting');
    await view.post({ ...showPlot(), labName: null });
    await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    const state = view.page.locator('#student-state');
    assert.equal(await state.getAttribute('data-state'), 'running');
    assert.match(await state.innerText(), /Running your bptt… the engine's curve is shown meanwhile/);
    assert.match(await view.page.locator('#lab').innerText(), /Looking for your lab folder/);
    assert.equal((await renders(view, 0)).at(-1)?.series, 1, 'only the engine while the student runs');
    await view.screenshot('webview-plot-running');
  } finally {
    await view.close();
  }
});

test('untrusted workspace: the panel explains why only the engine curve is shown, and never asks to run code', async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot(PROBE_DEFAULTS, UNTRUSTED_REASON));
    await view.page.locator('#student-state[data-state="unavailable"]').waitFor({ timeout: 5000 });
    const text = await view.page.locator('#student-state').innerText();
    assert.match(text, /Engine curve only\. Your bptt is not run in an untrusted workspace/);
    assert.match(text, /Manage Workspace Trust/);
    await view.page.locator('#length').click();
    await view.page.locator('#length vscode-option[value="100"]').click();
    await view.waitForPosted((m: Posted) => m.type === 'rendered' && (m as unknown as Rendered).points === 100);
    assert.equal(((await view.posted()) as Posted[]).some((m) => m.type === 'runStudent'), false, 'no run requested, even after a control moved');
    assert.equal((await renders(view, 0)).at(-1)?.series, 1);
    await view.screenshot('webview-plot-untrusted');
  } finally {
    await view.close();
  }
});

test('no lab folder: the answer to runStudent says what to do, shown above the engine curve', async () => {
  const view = await openPlot();
  try {
    await view.post({ ...showPlot(), labName: null });
    const run = await view.waitForPosted((m: Posted) => m.type === 'runStudent');
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: false, status: 'unavailable', message: NO_LAB_REASON }, labName: null });
    await view.page.locator('#student-state[data-state="unavailable"]').waitFor({ timeout: 5000 });
    assert.match(await view.page.locator('#student-state').innerText(), /No lab folder with an rnn\.ts was found.*Scaffold Lab Files/);
    assert.doesNotMatch(await view.page.locator('#summary').innerText(), /did not run/, 'not blamed on the student\'s code');
  } finally {
    await view.close();
  }
});

test('light theme: the toolkit dropdowns show their value readably (text against its own background)', async () => {
  const view = await openPlot();
  try {
    await view.post(showPlot());
    const contrast = await view.page.locator('#radius').evaluate((d) => {
      const rgb = (c: string) => (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => [r, g, b].map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
      // The toolkit paints the dropdown's background and text on the element itself.
      const text = getComputedStyle(d).color;
      const back = getComputedStyle(d).backgroundColor;
      const [a, b] = [lum(rgb(text)), lum(rgb(back))].sort((x, y) => y - x);
      return { ratio: (a + 0.05) / (b + 0.05), text, back, value: (d as HTMLElement & { value: string }).value };
    });
    assert.equal(contrast.value, String(PROBE_DEFAULTS.radius));
    assert.ok(contrast.ratio >= 4.5, `dropdown text ${contrast.text} on ${contrast.back}: contrast ${contrast.ratio.toFixed(2)}`);
    await view.screenshot('webview-plot-light-controls', '#controls');
  } finally {
    await view.close();
  }
});

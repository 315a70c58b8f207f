// The student plot's bundle in real Chromium: it draws T points per curve, its controls post the
// right messages, its data table holds the numbers the engine computes, and it restores its state.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { engineProbe, probeProblem, PROBE_DEFAULTS, type ProbeControls } from '../../src/demos/probeProblem';
import { closeBrowser, openWebview, type WebviewPage } from './harness';

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
    const engine = engineProbe(probeProblem(PROBE_DEFAULTS), null).norms;
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
    const engine = engineProbe(probeProblem(PROBE_DEFAULTS), null).norms;
    // As if the recurrent path were lost from step 20 back: steps 21..T agree, 1..20 do not.
    const wrong = engine.map((n, i) => (i < 20 ? n * 3 : n));
    await view.post({ type: 'studentResult', requestId: run.requestId, result: { ok: true, norms: wrong, loss: 0.5, elapsedMs: 12 } });
    await view.page.locator('#summary', { hasText: 'first disagrees at step 20' }).waitFor({ timeout: 5000 });
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
    await view.page.locator('#summary', { hasText: 'Clipping scales every step by' }).waitFor({ timeout: 5000 });
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
    assert.match(await view.page.locator('#summary').innerText(), /Trust the workspace/);
  } finally {
    await view.close();
  }
});

test('a malformed host message is reported, not used', async () => {
  const view = await openPlot();
  try {
    await view.post({ type: 'showPlot', controls: { radius: 'big' } });
    const err = await view.waitForPosted((m: Posted) => m.type === 'webviewError');
    assert.match(String(err.message), /controls\.radius must be a number/);
    assert.equal(((await view.posted()) as Posted[]).some((m) => m.type === 'rendered'), false);
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

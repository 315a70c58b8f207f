// The demo bundle in real Chromium: each demo draws the series its pure computation produces (the
// CSV export carries the same ids and numbers as `rnn-lab demo <name> --json`), predict-then-run
// records the prediction before revealing, the presenter buttons post navigate, and training
// runs, pauses and restores. Screenshots: test-results/screens/webview-demo-*.png.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CLIPPING_DEFAULTS } from '../../src/demos/clippingDemo';
import { demoOutput } from '../../src/demos/demoOutput';
import { GRADIENT_NORMS_DEFAULTS } from '../../src/demos/gradientNorms';
import { PREDICT_DEFAULTS } from '../../src/demos/predictThenRun';
import { TRAIN_DEFAULTS } from '../../src/demos/trainDemo';
import { demoById, type DemoId } from '../../src/lesson/demos';
import { closeBrowser, openWebview, type WebviewPage } from '../../scripts/webview-harness';
import { testEngine } from '../support/engine';

after(closeBrowser);

interface Posted { type: string; [k: string]: unknown }
interface Rendered { type: 'rendered'; view: string; series: number; points: number; elapsedMs: number }

function showDemo(demoId: DemoId, presenter: unknown = null, settings: unknown = {}) {
  const d = demoById(demoId);
  return { type: 'showDemo', demoId, title: d.title, lookFor: d.lookFor, settings, presenter };
}

async function openDemo(demoId: DemoId, presenter: unknown = null, state?: unknown, height = 900): Promise<WebviewPage> {
  const view = await openWebview({ bundle: 'dist/webview/demo.js', styles: ['media/webview.css'], state, viewport: { width: 1280, height } });
  await view.waitForPosted((m: Posted) => m.type === 'ready');
  await view.post(showDemo(demoId, presenter));
  return view;
}

const rendered = (view: WebviewPage, demo: string) => view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === demo, 20_000);

/**
 * Clicks "Export CSV" and checks that the panel's numbers are the CLI's: the same series ids as
 * column names, the same values (the CLI's output is computed in Node, the panel's in Chromium).
 */
async function assertSameSeriesAsCli(view: WebviewPage, id: DemoId, request = {}): Promise<void> {
  await view.page.locator('#export-csv').click();
  const exported = await view.waitForPosted((m: Posted) => m.type === 'export' && m.format === 'csv');
  const [header, ...rows] = String(exported.data).trim().split('\n').map((line) => line.split(','));
  const cli = demoOutput(testEngine, id, request).series;
  assert.deepEqual(header.slice(1), cli.map((s) => s.id));
  cli.forEach((s, column) => {
    s.x.forEach((x, i) => {
      const row = rows.find((r) => Number(r[0]) === x);
      assert.ok(row, `${s.id}: no row for x = ${x}`);
      const y = Number(row[column + 1]);
      // Chromium and Node may round tanh differently in the last bit; the curves agree far below what a chart shows.
      assert.ok(Math.abs(y - s.y[i]) <= 1e-6 * Math.abs(s.y[i]), `${s.id} at x = ${x}: panel ${y}, CLI ${s.y[i]}`);
    });
  });
}

test('gradient norms: 4 radii × (tanh + linear) curves of T points each', async () => {
  const view = await openDemo('gradientNorms');
  try {
    const curves = 2 * GRADIENT_NORMS_DEFAULTS.radii.length;
    const first = await rendered(view, 'gradientNorms');
    // One radius per frame: the last frame has every curve.
    const r = await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'gradientNorms' && m.series === curves, 20_000);
    console.log(`      gradient norms: first frame (charts + ρ = 0.5) in ${first.elapsedMs.toFixed(1)} ms, later frames ${r.elapsedMs.toFixed(1)} ms`);
    assert.equal(r.series, curves);
    assert.equal(r.points, curves * GRADIENT_NORMS_DEFAULTS.T);
    assert.equal(await view.page.locator('#demo-title').innerText(), demoById('gradientNorms').title);
    assert.match(await view.page.locator('#look-for').innerText(), /Look for:/);
    assert.match(await view.page.locator('#story').innerText(), /a vanishing gradient RISES from left to right/);
    await view.screenshot('webview-demo-gradientNorms');
    await assertSameSeriesAsCli(view, 'gradientNorms');
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

test('clipping: loss, norm, ratio through time and mean |h|, with and without clipping, and the fraction clipped', async () => {
  const view = await openDemo('clipping', null, undefined, 1500);
  try {
    // The two runs train live; the last frame has every step of both, in four charts.
    const r = await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'clipping' && m.points === 8 * CLIPPING_DEFAULTS.steps, 60_000);
    assert.equal(r.series, 8);
    const frames = ((await view.posted()) as Rendered[]).filter((m) => m.type === 'rendered');
    console.log(`      clipping: ${frames.length} frames, longest ${Math.max(...frames.map((f) => f.elapsedMs)).toFixed(1)} ms`);
    assert.match(await view.page.locator('#fraction').innerText(), new RegExp(`^Clipped \\d+ of ${CLIPPING_DEFAULTS.steps} steps \\(\\d+ %\\)\\.$`));
    assert.match(await view.page.locator('#story').innerText(), /no update moves the weights by more than lr·0\.5 = 0\.12/);
    await view.screenshot('webview-demo-clipping');
    await assertSameSeriesAsCli(view, 'clipping');
  } finally {
    await view.close();
  }
});

test('predict, then run: nothing is revealed before the prediction is recorded', async () => {
  const view = await openDemo('predictThenRun');
  try {
    await rendered(view, 'predictThenRun');
    assert.equal(await view.page.locator('#predict-chart').count(), 0);
    assert.equal(await view.page.locator('#reveal').getAttribute('disabled'), '');
    await view.page.locator('#choice-slow').click();
    const p = await view.waitForPosted((m: Posted) => m.type === 'prediction');
    assert.equal(p.choiceId, 'slow');
    await view.page.locator('#reveal').click();
    // ‖∂L/∂h₁‖ on the left; the ratio with the class's sketch on the right.
    const shown = await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'predictThenRun' && m.series === 3);
    assert.equal(shown.points, 3 * PREDICT_DEFAULTS.maxT);
    assert.match(await view.page.locator('#verdict').innerText(), /Not quite/);
    assert.match(await view.page.locator('#explanation').innerText(), /A spectral radius below 1 is not enough/);
    assert.deepEqual(((await view.state()) as { demo: unknown }).demo, { prediction: 'slow', revealed: true });
    await view.screenshot('webview-demo-predictThenRun-wrong');
    await assertSameSeriesAsCli(view, 'predictThenRun');
    // The right answer's sketch lies along the measured ratio.
    await view.page.locator('#choice-exponential').click();
    await view.page.locator('#reveal').click();
    await view.page.locator('#verdict.right').waitFor();
    await view.page.locator('#result').scrollIntoViewIfNeeded();
    await view.screenshot('webview-demo-predictThenRun');
  } finally {
    await view.close();
  }
});

test('train: runs live, pauses, and a reload replays the seeded run to the same step', async () => {
  const view = await openDemo('train');
  let saved: unknown;
  try {
    await rendered(view, 'train');
    assert.match(await view.page.locator('#seed').innerText(), /Seed 1/);
    assert.match(await view.page.locator('#story').innerText(), /held-out sequences after 0 steps/);
    await view.page.locator('#play').click();
    await view.page.waitForFunction(() => /Step (\d{2,})/.test(document.getElementById('progress')?.textContent ?? ''));
    await view.page.locator('#play').click(); // pause
    const text = await view.page.locator('#progress').innerText();
    await view.page.waitForTimeout(300);
    assert.equal(await view.page.locator('#progress').innerText(), text, 'paused: no more steps');
    saved = await view.state();
  } finally {
    await view.close();
  }
  const steps = (saved as { demo: { trainSteps: number } }).demo.trainSteps;
  assert.ok(steps > 0);
  const again = await openDemo('train', null, saved);
  try {
    const r = await again.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'train', 20_000);
    assert.equal(r.series, 2 * TRAIN_DEFAULTS.delays.length);
    assert.match(await again.page.locator('#progress').innerText(), new RegExp(`^Step ${steps} /`));
    await assertSameSeriesAsCli(again, 'train', { steps });
  } finally {
    await again.close();
  }
});

test('train: a whole run shows short delays learning and delay 16 at chance, on held-out sequences', async () => {
  const view = await openDemo('train');
  try {
    await rendered(view, 'train');
    await view.page.locator('#play').click();
    await view.page.locator('#play', { hasText: 'Start again' }).waitFor({ timeout: 120_000 });
    assert.match(await view.page.locator('#story').innerText(), /after 300 steps: delay 1: 100 %, delay 2: 100 %, delay 4: 100 %, delay 8: 100 %, delay 16: 5\d %/);
    await view.screenshot('webview-demo-train');
  } finally {
    await view.close();
  }
});

test('horizon: the part of ∂L/∂Whh per lag k = 1..T, the echo\'s lag marked, the same numbers as the CLI', async () => {
  const view = await openDemo('horizon');
  try {
    const r = await rendered(view, 'horizon');
    assert.equal(r.series, 1);
    assert.equal(r.points, TRAIN_DEFAULTS.T);
    assert.match(await view.page.locator('#story').innerText(), /The pairs 1 step apart contribute/);
    await view.screenshot('webview-demo-horizon');
    await assertSameSeriesAsCli(view, 'horizon');
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

test('presenter flow: previous / next post navigate; the ends are disabled', async () => {
  const view = await openDemo('predictThenRun', { index: 0, total: 4, previousTitle: null, nextTitle: demoById('train').title });
  try {
    await rendered(view, 'predictThenRun');
    assert.match(await view.page.locator('#presenter').innerText(), /Demo 1 of 4/);
    assert.equal(await view.page.locator('#previous').getAttribute('disabled'), '');
    await view.page.locator('#next').click();
    const nav = await view.waitForPosted((m: Posted) => m.type === 'navigate');
    assert.equal(nav.direction, 'next');
    await view.post(showDemo('train', { index: 1, total: 4, previousTitle: demoById('predictThenRun').title, nextTitle: demoById('gradientNorms').title }));
    await rendered(view, 'train');
    await view.page.locator('#previous').click();
    await view.waitForPosted((m: Posted) => m.type === 'navigate' && m.direction === 'previous');
  } finally {
    await view.close();
  }
});

test('projector size: every control label, buttons included, is drawn at the demo font size (20 px)', async () => {
  const view = await openDemo('train');
  try {
    await rendered(view, 'train');
    // What the eye sees is the label inside each toolkit control's shadow DOM, not the host element.
    const sizes = await view.page.evaluate(() => Array.from(document.querySelectorAll('vscode-button, vscode-dropdown')).map((e) => {
      const inner = e.shadowRoot?.querySelector('.control') ?? e;
      return `${e.id || e.tagName.toLowerCase()}: ${getComputedStyle(inner).fontSize}`;
    }));
    assert.ok(sizes.length >= 4, sizes.join(', '));
    for (const s of sizes) assert.match(s, /: 20px$/, `too small for a projector: ${sizes.join(', ')}`);
  } finally {
    await view.close();
  }
});

test('gating: the untrained lag curves, then the four cells trained live (progress shown), and the CLI\'s series', async () => {
  const view = await openDemo('gating', null, undefined, 1700);
  try {
    const first = await rendered(view, 'gating');
    assert.equal(first.series, 12);
    assert.match(await view.page.locator('#settings').innerText(), /Adam lr 0\.01, clipped at global norm 1/);
    assert.match(await view.page.locator('#story').innerText(), /^Untrained, the gradient fades with the lag in every cell/);
    const started = Date.now();
    await view.page.locator('#play').click();
    await view.page.waitForFunction(() => /Step [1-9]/.test(document.getElementById('progress')?.textContent ?? ''));
    await view.page.locator('#play', { hasText: 'Start again' }).waitFor({ timeout: 240_000 });
    const frames = ((await view.posted()) as Rendered[]).filter((m) => m.type === 'rendered' && m.view === 'gating');
    console.log(`      gating: full run ${((Date.now() - started) / 1000).toFixed(1)} s, ${frames.length} redraws, longest ${Math.max(...frames.map((f) => f.elapsedMs)).toFixed(0)} ms`);
    assert.match(await view.page.locator('#progress').innerText(), /^Step 150 \/ 150$/);
    assert.match(await view.page.locator('#story').innerText(), /After 150 training steps, held-out accuracy: .*so clipping stays\.$/);
    await view.screenshot('webview-demo-gating');
    await assertSameSeriesAsCli(view, 'gating');
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

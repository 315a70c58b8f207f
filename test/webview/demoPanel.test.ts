// The demo bundle in real Chromium: each demo draws the series its pure computation produces,
// predict-then-run records the prediction before revealing, the presenter buttons post navigate,
// and training runs, pauses and restores.
import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CLIPPING_DEFAULTS } from '../../src/demos/clippingDemo';
import { GRADIENT_NORMS_DEFAULTS } from '../../src/demos/gradientNorms';
import { PREDICT_DEFAULTS } from '../../src/demos/predictThenRun';
import { demoById, type DemoId } from '../../src/lesson/demos';
import { closeBrowser, openWebview, type WebviewPage } from './harness';

after(closeBrowser);

interface Posted { type: string; [k: string]: unknown }
interface Rendered { type: 'rendered'; view: string; series: number; points: number; elapsedMs: number }

function showDemo(demoId: DemoId, presenter: unknown = null, settings: unknown = {}) {
  const d = demoById(demoId);
  return { type: 'showDemo', demoId, title: d.title, lookFor: d.lookFor, settings, presenter };
}

async function openDemo(demoId: DemoId, presenter: unknown = null, state?: unknown): Promise<WebviewPage> {
  const view = await openWebview({ bundle: 'dist/webview/demo.js', styles: ['media/webview.css'], state, viewport: { width: 1280, height: 900 } });
  await view.waitForPosted((m: Posted) => m.type === 'ready');
  await view.post(showDemo(demoId, presenter));
  return view;
}

const rendered = (view: WebviewPage, demo: string) => view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === demo, 20_000);

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
    await view.screenshot('webview-demo-gradientNorms');
    assert.deepEqual(view.errors, []);
  } finally {
    await view.close();
  }
});

test('clipping: loss and norm, with and without clipping, and the fraction clipped', async () => {
  const view = await openDemo('clipping');
  try {
    // The two runs train live; the last frame has every step of both.
    const r = await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'clipping' && m.points === 4 * CLIPPING_DEFAULTS.steps, 20_000);
    assert.equal(r.series, 4);
    const frames = ((await view.posted()) as Rendered[]).filter((m) => m.type === 'rendered');
    console.log(`      clipping: ${frames.length} frames, longest ${Math.max(...frames.map((f) => f.elapsedMs)).toFixed(1)} ms`);
    assert.match(await view.page.locator('#fraction').innerText(), /^Clipped \d+ of 150 steps \(\d+ %\)\.$/);
    await view.screenshot('webview-demo-clipping');
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
    const shown = await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'predictThenRun' && m.series === 2);
    assert.equal(shown.points, 2 * PREDICT_DEFAULTS.maxT);
    assert.match(await view.page.locator('#verdict').innerText(), /Not quite/);
    assert.deepEqual(((await view.state()) as { demo: unknown }).demo, { prediction: 'slow', revealed: true });
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
    await view.page.locator('#play').click();
    await view.page.waitForFunction(() => /Step (\d{2,})/.test(document.getElementById('progress')?.textContent ?? ''));
    await view.page.locator('#play').click(); // pause
    const text = await view.page.locator('#progress').innerText();
    await view.page.waitForTimeout(300);
    assert.equal(await view.page.locator('#progress').innerText(), text, 'paused: no more steps');
    saved = await view.state();
    await view.screenshot('webview-demo-train');
  } finally {
    await view.close();
  }
  const steps = (saved as { demo: { trainSteps: number } }).demo.trainSteps;
  assert.ok(steps > 0);
  const again = await openDemo('train', null, saved);
  try {
    const r = await again.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === 'train' && m.points === 2 * steps, 20_000);
    assert.equal(r.series, 2);
    assert.match(await again.page.locator('#progress').innerText(), new RegExp(`^Step ${steps} /`));
  } finally {
    await again.close();
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

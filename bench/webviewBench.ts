import { build } from 'esbuild';
import { PROBE_DEFAULTS, PROBE_SIZES } from '../src/demos/probeProblem';
import { browser } from '../scripts/webview-harness/chromium';
import { DEMO_IDS, demoById, type DemoId } from '../src/lesson/demos';
import { closeBrowser, openWebview } from '../scripts/webview-harness';
import { formatNumber, median, percentile, row, type TargetRow } from './targets';

const MOVES = 50;
/** Moves before the timed ones: the first few also compile the code paths the later ones reuse. */
const WARMUP_MOVES = 5;
const LOADS_PER_DEMO = 5;

interface Rendered { type: string; view?: string; points: number; elapsedMs: number }
interface Stamp { type: string; view?: string; atMs: number }

/** The webview targets in real headless Chromium, with the built dist/webview/*.js bundles. */
export async function webviewBench(log: (line: string) => void): Promise<TargetRow[]> {
  try {
    const rows = await plotControlBench(log);
    for (const id of DEMO_IDS) rows.push(await demoLoadBench(id, log));
    rows.push(...(await trainComputeBench(log)));
    return rows;
  } finally {
    await closeBrowser();
  }
}

/**
 * The student plot: a control moves (the input scale, alternated so each change recomputes), the
 * engine series for T = 100, H = 64 is recomputed and the chart redrawn. Timed in the page from the
 * change event to the drawn chart (the handler is synchronous: compute, chart.js update without
 * animation, summary line); the webview's own `rendered.elapsedMs` (compute + chart) is shown too.
 */
async function plotControlBench(log: (line: string) => void): Promise<TargetRow[]> {
  const view = await openWebview({ bundle: 'dist/webview/plot.js', styles: ['media/webview.css'], viewport: { width: 1100, height: 800 } });
  try {
    await view.waitForPosted((m: { type: string }) => m.type === 'ready');
    await view.post({ type: 'showPlot', controls: { ...PROBE_DEFAULTS, T: 100 }, studentUnavailable: 'benchmark: engine only', labName: null });
    await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.points === 100);
    const before = ((await view.posted()) as Rendered[]).filter((m) => m.type === 'rendered').length;
    const samples = await view.page.evaluate(async ({ moves, warmup }) => {
      const field = document.querySelector('#input-scale') as HTMLElement & { value: string };
      const out: number[] = [];
      for (let i = -warmup; i < moves; i++) {
        const t0 = performance.now();
        field.value = i % 2 ? '0.5' : '0.25';
        field.dispatchEvent(new Event('change'));
        if (i >= 0) out.push(performance.now() - t0);
        // Let the page paint and run the table update before the next move, as a user's pace would.
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return out;
    }, { moves: MOVES, warmup: WARMUP_MOVES });
    await view.page.waitForTimeout(50);
    const rendered = ((await view.posted()) as Rendered[]).filter((m) => m.type === 'rendered').slice(before + WARMUP_MOVES);
    if (rendered.length !== MOVES || !rendered.every((r) => r.points === 100)) {
      throw new Error(`the plot drew ${rendered.length} of ${MOVES} control changes with T = 100`);
    }
    if (view.errors.length > 0) throw new Error(`the plot webview reported errors: ${view.errors.join('; ')}`);
    const inPage = rendered.map((r) => r.elapsedMs);
    const med = median(samples), p95 = percentile(samples, 95);
    log(`webview: plot control change median ${formatNumber(med)} ms, p95 ${formatNumber(p95)} ms`);
    const what = `plot: control change → engine series (T = 100, H = ${PROBE_SIZES.H}) recomputed + redrawn, ${MOVES} moves after ${WARMUP_MOVES} untimed`;
    return [
      row({
        part: 'webview', id: 'webview.plot.median', what: `${what}, median`, value: med, unit: 'ms',
        measured: `${formatNumber(med)} ms (compute + chart ${formatNumber(median(inPage))})`, target: '< 16 ms', pass: med < 16,
      }),
      row({
        part: 'webview', id: 'webview.plot.p95', what: `${what}, p95`, value: p95, unit: 'ms',
        measured: `${formatNumber(p95)} ms (max ${formatNumber(Math.max(...samples))})`, target: '< 16 ms', pass: p95 < 16,
      }),
    ];
  } finally {
    await view.close();
  }
}

/** A demo panel from page load (navigation start) to `ready` and its first drawn frame, fresh page each time. */
async function demoLoadBench(demoId: DemoId, log: (line: string) => void): Promise<TargetRow> {
  const d = demoById(demoId);
  const showDemo = { type: 'showDemo', demoId, title: d.title, lookFor: d.lookFor, settings: {}, presenter: null };
  const ready: number[] = [], frame: number[] = [];
  for (let i = 0; i < LOADS_PER_DEMO; i++) {
    const view = await openWebview({ htmlFile: 'bench/webview/demoLoad.html', state: showDemo, viewport: { width: 1280, height: 900 } });
    try {
      await view.waitForPosted((m: Rendered) => m.type === 'rendered' && m.view === demoId, 20_000);
      const stamps = await view.page.evaluate(() => (window as unknown as { __benchStamps: Stamp[] }).__benchStamps.slice());
      const r = stamps.find((s) => s.type === 'ready'), f = stamps.find((s) => s.type === 'rendered' && s.view === demoId);
      if (!r || !f) throw new Error(`demo ${demoId}: no ready or first frame was timestamped`);
      if (view.errors.length > 0) throw new Error(`demo ${demoId}: the webview reported errors: ${view.errors.join('; ')}`);
      ready.push(r.atMs);
      frame.push(f.atMs);
    } finally {
      await view.close();
    }
  }
  const med = median(frame);
  log(`webview: demo ${demoId} first frame ${formatNumber(med)} ms after page load (ready ${formatNumber(median(ready))} ms)`);
  return row({
    part: 'webview', id: `webview.demo.${demoId}`, what: `demo panel "${demoId}": page load → ready → first frame drawn, median of ${LOADS_PER_DEMO} fresh loads`,
    value: med, unit: 'ms', measured: `${formatNumber(med)} ms (ready ${formatNumber(median(ready))}, max ${formatNumber(Math.max(...frame))})`,
    target: '< 500 ms', pass: med < 500,
  });
}

/**
 * The train demo's compute in Chromium: a full run (as many steps as the panel runs)
 * on the engine's TypeScript loops and on its WebAssembly kernels, under the demo panel's Content
 * Security Policy ('wasm-unsafe-eval' allowed). The panel itself paces the steps for a class to
 * follow, so what this measures is the headroom: how much of each tick the engine takes.
 */
async function trainComputeBench(log: (line: string) => void): Promise<TargetRow[]> {
  const bundle = await build({ entryPoints: ['bench/webview/trainInPage.ts'], bundle: true, format: 'iife', write: false, logLevel: 'warning' });
  const script = bundle.outputFiles[0].text;
  const page = await (await browser()).newPage();
  try {
    const csp = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'";
    await page.setContent(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"></head><body></body></html>`);
    await page.addScriptTag({ content: script });
    type Timed = { task: string; steps: number; ms: number; log: string[] }[];
    const time = (kernels: string): Promise<Timed> =>
      page.evaluate((k) => (window as unknown as { timeFullRuns: (k: string, r: number) => Timed }).timeFullRuns(k, 5), kernels);
    const ts = await time('typescript'), wasm = await time('wasm');
    const problems = wasm.flatMap((w) => w.log);
    if (problems.length > 0) throw new Error(`the kernels could not be used in the page: ${problems[0]}`);
    return wasm.map((w, i) => {
      const speedUp = ts[i].ms / w.ms;
      log(`webview: train demo (${w.task}) full run ${formatNumber(w.ms)} ms with the kernels, ${formatNumber(ts[i].ms)} ms in TypeScript`);
      return row({
        part: 'webview', id: `webview.train.${i}`, what: `train demo (${w.task}): full run of ${w.steps} steps computed in the page, median of 5`,
        value: w.ms, unit: 'ms', measured: `${formatNumber(w.ms)} ms (${speedUp.toFixed(1)}× its TypeScript loops, ${formatNumber(ts[i].ms)} ms)`,
        target: '< 500 ms, or ≥ 5× TypeScript', pass: w.ms < 500 || speedUp >= 5,
      });
    });
  } finally {
    await page.close();
  }
}

import { CLIPPING_DEFAULTS, clippingSeries, createClippingTraining, type ClippingResult } from '../../src/demos/clippingDemo';
import { clippingStory } from '../../src/demos/clippingStory';
import type { Series } from '../../src/demos/series';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { button } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { pick, seriesCsv } from './demoSeries';

/** Milliseconds of training per frame: the two runs grow live, and the panel stays responsive. */
const FRAME_BUDGET_MS = 12;

/**
 * One setup trained with and without global-norm clipping, from the same start, live: the loss, the
 * norm that clipping looks at, how the gradient changes on its way back through time, and whether
 * the units saturate.
 */
export function mountClipping(root: HTMLElement, ctx: DemoContext): DemoView {
  const mountedAt = performance.now();
  const { steps, seed } = CLIPPING_DEFAULTS;
  let training = createClippingTraining(ctx.engine, CLIPPING_DEFAULTS);
  let timer: number | undefined;
  const boxes = ['clip-loss-chart', 'clip-norm-chart', 'clip-ratio-chart', 'clip-h-chart'].map((id) => chartBox(id));
  const fraction = el('p', { id: 'fraction', className: 'big-number' });
  const story = el('p', { id: 'story', className: 'explain' });
  root.append(
    el('div', { className: 'controls' }, button('Train again', restart, { id: 'restart', secondary: true }), el('span', { className: 'seed', text: `Seed ${seed}` })),
    el('div', { className: 'charts two' }, ...boxes.map((b) => b.box)),
    fraction, story,
  );
  const specs = (r: ClippingResult): ChartSpec[] => chartSpecs(clippingSeries(r), r);
  const charts = specs(training.result()).map((spec, i) => new LineChart(boxes[i].canvas, spec));
  root.append(ctx.exportable('clipping', () => seriesCsv('step', clippingSeries(training.result())), charts[0]));
  tick(mountedAt);

  function restart(): void {
    if (timer !== undefined) window.clearTimeout(timer);
    training = createClippingTraining(ctx.engine, CLIPPING_DEFAULTS);
    tick();
  }

  /** `since`: when the work of this frame began (the first frame counts the charts' creation). */
  function tick(since = performance.now()): void {
    const t0 = performance.now();
    while (performance.now() - t0 < FRAME_BUDGET_MS && !training.finished) training.step();
    draw(since);
    timer = training.finished ? undefined : window.setTimeout(() => tick(), 0);
  }

  function draw(t0: number): void {
    const r = training.result();
    specs(r).forEach((spec, i) => charts[i].show(spec));
    const clippedSteps = r.clipped.clipped.filter(Boolean).length;
    const done = training.stepsDone;
    fraction.textContent = `Clipped ${clippedSteps} of ${done} steps (${Math.round((100 * clippedSteps) / Math.max(1, done))} %)${training.finished ? '.' : ` so far… (${steps} steps)`}`;
    story.textContent = training.finished ? clippingStory(ctx.engine, r) : 'Training both runs from the same start…';
    ctx.rendered(charts, t0);
  }

  return {
    dispose: () => { if (timer !== undefined) window.clearTimeout(timer); },
    retheme: () => charts.forEach((c) => c.retheme()),
  };
}

function chartSpecs(all: Series[], r: ClippingResult): ChartSpec[] {
  const { threshold } = r.options;
  const both = (quantity: string, extra: { faded?: boolean } = {}) => [
    pick(all, `${quantity}.unclipped`, 'without clipping', 4, extra),
    pick(all, `${quantity}.clipped`, `clipped at ${threshold}`, 2),
  ];
  const base = { xLabel: 'training step', fontSize: DEMO_FONT_PX };
  return [
    { ...base, title: 'Loss', yLabel: 'loss (log scale)', logY: true, series: both('loss') },
    {
      ...base, title: 'Global gradient norm (before clipping)', yLabel: '‖g‖ (log scale)', logY: true, series: both('gradNorm', { faded: true }),
      markers: [{ axis: 'y', value: threshold, label: `threshold ${threshold}` }],
    },
    {
      ...base, title: 'Through time: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', yLabel: 'ratio (log scale; > 1: grows on the way back)', logY: true, series: both('horizonRatio'),
      markers: [{ axis: 'y', value: 1, label: 'no change' }],
    },
    { ...base, title: 'Saturation: mean |h|', yLabel: 'mean |h| (1 = saturated)', logY: false, yMin: 0, yMax: 1, series: both('meanAbsH') },
  ];
}

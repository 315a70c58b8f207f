import { horizonDemo, horizonSeries, horizonStory } from '../../src/demos/horizonDemo';
import { chartBox, el } from '../shared/dom';
import { LineChart } from '../shared/lineChart';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { pick, seriesCsv } from './demoSeries';

/** ‖part of ∂L/∂Whh from the pairs of steps k apart‖ against k, with the task's own lag marked. */
export function mountHorizon(root: HTMLElement, ctx: DemoContext): DemoView {
  const t0 = performance.now();
  const r = horizonDemo(ctx.engine);
  const series = horizonSeries(r);
  const box = chartBox('horizon-chart');
  root.append(el('div', { className: 'charts' }, box.box));
  const chart = new LineChart(box.canvas, {
    title: 'Where ∂L/∂Whh comes from', xLabel: 'k: the loss at step t paired with the state h_{t−k}', yLabel: '‖part of ∂L/∂Whh‖ (log scale)',
    logY: true, fontSize: DEMO_FONT_PX, series: [pick(series, 'contribution', 'pairs k steps apart', 0)],
    markers: [{ axis: 'x', value: r.options.delay, label: `k = ${r.options.delay}: what the echo needs`, alert: true }],
  });
  root.append(el('p', { id: 'story', className: 'explain', text: horizonStory(r) }), ctx.exportable('horizon', () => seriesCsv('k', series), chart));
  ctx.rendered([chart], t0);
  return { dispose: () => undefined, retheme: () => chart.retheme() };
}

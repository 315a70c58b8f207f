import { gradientNormsFor, GRADIENT_NORMS_DEFAULTS, gradientNormsStory } from '../../src/demos/gradientNorms';
import type { Series } from '../../src/demos/series';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { seriesCsv } from './demoSeries';

/**
 * Vanishing and exploding side by side: tanh units on the left, linear units on the right. The
 * curves are added one spectral radius per frame, so the panel is live from its first frame.
 */
export function mountGradientNorms(root: HTMLElement, ctx: DemoContext): DemoView {
  const mountedAt = performance.now();
  const options = GRADIENT_NORMS_DEFAULTS;
  const tanhSeries: Series[] = [];
  const linearSeries: Series[] = [];
  let timer: number | undefined;
  const spec = (title: string, series: Series[]): ChartSpec => ({
    title, xLabel: `time step t (the loss is at t = ${options.T})`, yLabel: '‖∂L/∂h_t‖ (log scale)', logY: true, fontSize: DEMO_FONT_PX,
    series: series.map((s, i) => ({ label: `ρ = ${options.radii[i]}`, x: s.x, y: s.y, colour: i })),
  });
  const left = chartBox('tanh-chart');
  const right = chartBox('linear-chart');
  root.append(el('div', { className: 'charts two' }, left.box, right.box));
  const tanh = new LineChart(left.canvas, spec('tanh units', tanhSeries));
  const linear = new LineChart(right.canvas, spec('linear units (h_t = a_t)', linearSeries));
  const story = el('p', { id: 'story', className: 'explain', text: 'Computing one curve per ρ…' });
  root.append(story, ctx.exportable('gradient-norms', () => seriesCsv('t', [...tanhSeries, ...linearSeries]), tanh));
  addRadius(0, mountedAt);

  function addRadius(i: number, since: number): void {
    const curves = gradientNormsFor(ctx.engine, options.radii[i], options);
    tanhSeries.push(curves.tanh);
    linearSeries.push(curves.linear);
    tanh.show(spec('tanh units', tanhSeries));
    linear.show(spec('linear units (h_t = a_t)', linearSeries));
    if (i + 1 === options.radii.length) story.textContent = gradientNormsStory(ctx.engine, { options, tanh: tanhSeries, linear: linearSeries });
    ctx.rendered([tanh, linear], since);
    if (i + 1 < options.radii.length) timer = window.setTimeout(() => addRadius(i + 1, performance.now()), 0);
  }

  return {
    dispose: () => { if (timer !== undefined) window.clearTimeout(timer); },
    retheme: () => { tanh.retheme(); linear.retheme(); },
  };
}

import { gradientNormsFor, GRADIENT_NORMS_DEFAULTS } from '../../src/demos/gradientNorms';
import type { Series } from '../../src/demos/series';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

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
    title, xLabel: 'time step t (loss at the last step)', yLabel: '‖∂L/∂h_t‖ (log scale)', logY: true, fontSize: DEMO_FONT_PX,
    series: series.map((s, i) => ({ ...s, colour: i })),
  });
  const left = chartBox('tanh-chart');
  const right = chartBox('linear-chart');
  root.append(el('div', { className: 'charts two' }, left.box, right.box));
  const tanh = new LineChart(left.canvas, spec('tanh units', tanhSeries));
  const linear = new LineChart(right.canvas, spec('linear units (h_t = a_t)', linearSeries));
  const { T, H, seed, inputScale } = options;
  root.append(
    el('p', { className: 'explain', text:
      `Whh = ρ·Q with Q orthogonal, H = ${H}, T = ${T}, inputs ×${inputScale}, seed ${seed}. Linear units scale the gradient by exactly ρ per step back: ` +
      'a straight line on the log scale, down for ρ < 1, up for ρ > 1. tanh multiplies by tanh′ ≤ 1 as well, so it vanishes at least as fast, ' +
      'and saturation keeps ρ = 1.5 from exploding as cleanly.' }),
    ctx.exportable('gradient-norms', () => toCsv('t', [
      ...tanhSeries.map((s) => ({ ...s, label: `tanh ${s.label}` })),
      ...linearSeries.map((s) => ({ ...s, label: `linear ${s.label}` })),
    ]), tanh),
  );
  addRadius(0, mountedAt);

  function addRadius(i: number, since: number): void {
    const curves = gradientNormsFor(options.radii[i], options);
    tanhSeries.push(curves.tanh);
    linearSeries.push(curves.linear);
    tanh.show(spec('tanh units', tanhSeries));
    linear.show(spec('linear units (h_t = a_t)', linearSeries));
    ctx.rendered([tanh, linear], since);
    if (i + 1 < options.radii.length) timer = window.setTimeout(() => addRadius(i + 1, performance.now()), 0);
  }

  return {
    dispose: () => { if (timer !== undefined) window.clearTimeout(timer); },
    retheme: () => { tanh.retheme(); linear.retheme(); },
  };
}

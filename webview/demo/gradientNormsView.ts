import { gradientNormsDemo, GRADIENT_NORMS_DEFAULTS } from '../../src/demos/gradientNorms';
import type { Series } from '../../src/demos/series';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

/** Vanishing and exploding side by side: tanh units on the left, linear units on the right. */
export function mountGradientNorms(root: HTMLElement, ctx: DemoContext): DemoView {
  const t0 = performance.now();
  const result = gradientNormsDemo();
  const spec = (title: string, series: Series[]): ChartSpec => ({
    title, xLabel: 'time step t (loss at the last step)', yLabel: '‖∂L/∂h_t‖ (log scale)', logY: true, fontSize: DEMO_FONT_PX,
    series: series.map((s, i) => ({ ...s, colour: i })),
  });
  const left = chartBox('tanh-chart');
  const right = chartBox('linear-chart');
  root.append(el('div', { className: 'charts two' }, left.box, right.box));
  const tanh = new LineChart(left.canvas, spec('tanh units', result.tanh));
  const linear = new LineChart(right.canvas, spec('linear units (h_t = a_t)', result.linear));
  const { T, H, seed, inputScale } = GRADIENT_NORMS_DEFAULTS;
  root.append(
    el('p', { className: 'explain', text:
      `Whh = ρ·Q with Q orthogonal, H = ${H}, T = ${T}, inputs ×${inputScale}, seed ${seed}. Linear units scale the gradient by exactly ρ per step back: ` +
      'a straight line on the log scale, down for ρ < 1, up for ρ > 1. tanh multiplies by tanh′ ≤ 1 as well, so it vanishes at least as fast, ' +
      'and saturation keeps ρ = 1.5 from exploding as cleanly.' }),
    ctx.exportable('gradient-norms', () => toCsv('t', [
      ...result.tanh.map((s) => ({ ...s, label: `tanh ${s.label}` })),
      ...result.linear.map((s) => ({ ...s, label: `linear ${s.label}` })),
    ]), tanh),
  );
  ctx.rendered([tanh, linear], t0);
  return { dispose: () => undefined, retheme: () => { tanh.retheme(); linear.retheme(); } };
}

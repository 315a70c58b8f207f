import { clippingDemo, CLIPPING_DEFAULTS } from '../../src/demos/clippingDemo';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type Marker } from '../shared/lineChart';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

/** One exploding setup trained with and without global-norm clipping, from the same start. */
export function mountClipping(root: HTMLElement, ctx: DemoContext): DemoView {
  const t0 = performance.now();
  const r = clippingDemo();
  const { threshold, radius, lr, seed, steps } = CLIPPING_DEFAULTS;
  const blowUp = r.unclipped.firstNonFiniteStep;
  const lossMarkers: Marker[] = blowUp === null ? [] : [{ axis: 'x', value: blowUp, label: `NaN from step ${blowUp}`, alert: true }];
  const loss = chartBox('clip-loss-chart');
  const norm = chartBox('clip-norm-chart');
  root.append(el('div', { className: 'charts two' }, loss.box, norm.box));
  const lossChart = new LineChart(loss.canvas, {
    title: 'Loss', xLabel: 'training step', yLabel: 'loss (log scale)', logY: true, fontSize: DEMO_FONT_PX, markers: lossMarkers,
    series: [{ ...r.unclipped.loss, colour: 4 }, { ...r.clipped.loss, colour: 2 }],
  });
  const normChart = new LineChart(norm.canvas, {
    title: 'Global gradient norm per step (before clipping)', xLabel: 'training step', yLabel: '‖g‖ (log scale)', logY: true, fontSize: DEMO_FONT_PX,
    markers: [{ axis: 'y', value: threshold, label: `threshold ${threshold}` }],
    series: [{ ...r.unclipped.gradNorm, colour: 4, faded: true }, { ...r.clipped.gradNorm, colour: 2 }],
  });
  const clippedSteps = r.clipped.clipped.filter(Boolean).length;
  root.append(
    el('p', { id: 'fraction', className: 'big-number', text: `Clipped ${clippedSteps} of ${steps} steps (${(100 * r.fractionClipped).toFixed(0)} %).` }),
    el('p', { className: 'explain', text:
      `Whh = ${radius}·Q (spectral radius ${radius} > 1), learning rate ${lr}, seed ${seed}. ` +
      (blowUp === null ? 'Without clipping the loss spikes; ' : `Without clipping the weights overflow and the loss is NaN from step ${blowUp}; `) +
      `with clipping at ${threshold} every update has norm at most ${threshold}, so training stays stable. Clipping keeps the direction of the ` +
      'gradient and caps its length: it tames exploding gradients, but cannot bring back one that has vanished.' }),
    ctx.exportable('clipping', () => toCsv('step', [
      { ...r.unclipped.loss, label: 'loss without clipping' }, { ...r.clipped.loss, label: 'loss with clipping' },
      { ...r.unclipped.gradNorm, label: 'norm without clipping' }, { ...r.clipped.gradNorm, label: 'norm with clipping (before clip)' },
    ]), lossChart),
  );
  ctx.rendered([lossChart, normChart], t0);
  return { dispose: () => undefined, retheme: () => { lossChart.retheme(); normChart.retheme(); } };
}

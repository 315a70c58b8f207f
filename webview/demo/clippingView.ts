import { CLIPPING_DEFAULTS, createClippingTraining, type ClippingResult } from '../../src/demos/clippingDemo';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec, type Marker } from '../shared/lineChart';
import { button } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

/** Milliseconds of training per frame: the two runs grow live, and the panel stays responsive. */
const FRAME_BUDGET_MS = 12;

/** One exploding setup trained with and without global-norm clipping, from the same start, live. */
export function mountClipping(root: HTMLElement, ctx: DemoContext): DemoView {
  const mountedAt = performance.now();
  const { threshold, radius, lr, seed, steps } = CLIPPING_DEFAULTS;
  let training = createClippingTraining(CLIPPING_DEFAULTS);
  let timer: number | undefined;
  const loss = chartBox('clip-loss-chart');
  const norm = chartBox('clip-norm-chart');
  const fraction = el('p', { id: 'fraction', className: 'big-number' });
  const story = el('p', { className: 'explain' });
  root.append(
    el('div', { className: 'controls' }, button('Train again', restart, { id: 'restart', secondary: true }), el('span', { className: 'seed', text: `Seed ${seed}` })),
    el('div', { className: 'charts two' }, loss.box, norm.box),
    fraction, story,
  );
  const lossChart = new LineChart(loss.canvas, lossSpec(training.result()));
  const normChart = new LineChart(norm.canvas, normSpec(training.result()));
  root.append(ctx.exportable('clipping', () => csv(training.result()), lossChart));
  tick(mountedAt);

  function restart(): void {
    if (timer !== undefined) window.clearTimeout(timer);
    training = createClippingTraining(CLIPPING_DEFAULTS);
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
    lossChart.show(lossSpec(r));
    normChart.show(normSpec(r));
    const clippedSteps = r.clipped.clipped.filter(Boolean).length;
    fraction.textContent = `Clipped ${clippedSteps} of ${training.stepsDone} steps (${(100 * r.fractionClipped).toFixed(0)} %)${training.finished ? '.' : ' so far…'}`;
    const blowUp = r.unclipped.firstNonFiniteStep;
    story.textContent =
      `Whh = ${radius}·Q (spectral radius ${radius} > 1), learning rate ${lr}, ${steps} steps. ` +
      (blowUp === null ? 'Without clipping the loss spikes; ' : `Without clipping the weights overflow and the loss is NaN from step ${blowUp}; `) +
      `with clipping at ${threshold} every update has norm at most ${threshold}, so training stays stable. Clipping keeps the direction of the ` +
      'gradient and caps its length: it tames exploding gradients, but cannot bring back one that has vanished.';
    ctx.rendered([lossChart, normChart], t0);
  }

  return {
    dispose: () => { if (timer !== undefined) window.clearTimeout(timer); },
    retheme: () => { lossChart.retheme(); normChart.retheme(); },
  };
}

function lossSpec(r: ClippingResult): ChartSpec {
  const blowUp = r.unclipped.firstNonFiniteStep;
  const markers: Marker[] = blowUp === null ? [] : [{ axis: 'x', value: blowUp, label: `NaN from step ${blowUp}`, alert: true }];
  return {
    // Capped, so the stable run stays readable while the unclipped one shoots off the top.
    title: 'Loss', xLabel: 'training step', yLabel: 'loss (log scale, capped at 1e6)', logY: true, yMax: 1e6, fontSize: DEMO_FONT_PX, markers,
    series: [{ ...r.unclipped.loss, colour: 4 }, { ...r.clipped.loss, colour: 2 }],
  };
}

function normSpec(r: ClippingResult): ChartSpec {
  return {
    title: 'Global gradient norm per step (before clipping)', xLabel: 'training step', yLabel: '‖g‖ (log scale, capped at 1e8)', logY: true, yMax: 1e8, fontSize: DEMO_FONT_PX,
    markers: [{ axis: 'y', value: r.options.threshold, label: `threshold ${r.options.threshold}` }],
    series: [{ ...r.unclipped.gradNorm, colour: 4, faded: true }, { ...r.clipped.gradNorm, colour: 2 }],
  };
}

function csv(r: ClippingResult): string {
  return toCsv('step', [
    { ...r.unclipped.loss, label: 'loss without clipping' }, { ...r.clipped.loss, label: 'loss with clipping' },
    { ...r.unclipped.gradNorm, label: 'norm without clipping' }, { ...r.clipped.gradNorm, label: 'norm with clipping (before clip)' },
  ]);
}

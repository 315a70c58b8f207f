import { createGatingRun, GATING_CELLS, GATING_DEFAULTS, GATING_LABELS, gatingSeries, type GatingRun } from '../../src/demos/gatingDemo';
import { gatingSettings, gatingStory } from '../../src/demos/gatingStory';
import type { Series } from '../../src/demos/series';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { button } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { pick, seriesCsv } from './demoSeries';

/** A pause between training steps: one step of the four cells is one frame, and the panel stays responsive between them. */
const PAUSE_MS = 10;

/**
 * The Week-11 preview: the gradient-by-lag curves of the four untrained cells, then each cell trained
 * live on the delay-16 echo (held-out accuracy against the step) and its lag curve after training.
 */
export function mountGating(root: HTMLElement, ctx: DemoContext): DemoView {
  const mountedAt = performance.now();
  const c = GATING_DEFAULTS;
  let run: GatingRun = createGatingRun(ctx.engine, c);
  let series: Series[] = gatingSeries(run);
  let playing = false;
  let timer: number | undefined;

  const progress = el('span', { id: 'progress', className: 'seed' });
  const playButton = button('Start', toggle, { id: 'play' });
  const init = chartBox('gating-init-chart');
  const accuracy = chartBox('gating-accuracy-chart');
  const trained = chartBox('gating-trained-chart');
  const initChart = new LineChart(init.canvas, lagSpec('Untrained: the gradient from k steps back', 'init'));
  const accuracyChart = new LineChart(accuracy.canvas, accuracySpec());
  const trainedChart = new LineChart(trained.canvas, lagSpec(trainedTitle(), 'trained'));
  const story = el('p', { id: 'story', className: 'explain' });
  root.append(
    el('div', { className: 'controls' }, playButton, button('Reset', () => reset(), { id: 'reset', secondary: true }), el('span', { id: 'seed', className: 'seed', text: `Seed ${c.seed}` }), progress),
    el('p', { id: 'settings', className: 'explain', text: gatingSettings(run) }),
    el('div', { className: 'charts two' }, init.box, accuracy.box),
    el('div', { className: 'charts two' }, trained.box),
    story,
    ctx.exportable('gating', () => seriesCsv('x', gatingSeries(run)), initChart),
  );
  // A restored panel replays its seeded run to where it was, paused.
  const replay = Math.min(ctx.settings.trainSteps ?? 0, c.steps);
  while (run.stepsDone < replay) run.step();
  draw(mountedAt, true);

  function toggle(): void {
    playing = !playing;
    if (playing && run.finished) reset(true);
    playButton.textContent = playing ? 'Pause' : 'Resume';
    if (playing) tick();
    else stop();
  }

  function stop(): void {
    if (timer !== undefined) window.clearTimeout(timer);
    timer = undefined;
  }

  function reset(keepPlaying = false): void {
    stop();
    playing = keepPlaying;
    run = createGatingRun(ctx.engine, c);
    playButton.textContent = playing ? 'Pause' : 'Start';
    ctx.save({ trainSteps: 0 });
    draw(performance.now(), true);
    if (playing) tick();
  }

  function tick(): void {
    const t0 = performance.now();
    run.step();
    // The lag curves after training cost a backward pass per cell: redrawn when the accuracy is measured.
    draw(t0, run.stepsDone % c.evalEvery === 0 || run.finished);
    ctx.save({ trainSteps: run.stepsDone });
    if (run.finished) {
      playing = false;
      playButton.textContent = 'Start again';
      return;
    }
    timer = window.setTimeout(tick, PAUSE_MS);
  }

  function trainedTitle(): string {
    return `After ${run.stepsDone} training steps: the gradient from k steps back`;
  }

  function lagSpec(title: string, prefix: 'init' | 'trained'): ChartSpec {
    return {
      title, xLabel: 'lag k (loss at step T, state h_{T−k})', yLabel: '‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖ (log scale)', logY: true, fontSize: DEMO_FONT_PX,
      series: GATING_CELLS.map((cell, i) => pick(series, `${prefix}.${cell}`, GATING_LABELS[cell], i)),
      markers: [{ axis: 'x', value: c.delay, label: `k = ${c.delay}: what the echo needs` }],
    };
  }

  function accuracySpec(): ChartSpec {
    return {
      title: 'Accuracy on held-out sequences (delay 16)', xLabel: 'training step', yLabel: 'accuracy', logY: false, yMin: 0.3, yMax: 1, fontSize: DEMO_FONT_PX,
      series: GATING_CELLS.map((cell, i) => pick(series, `heldOutAccuracy.${cell}`, GATING_LABELS[cell], i)),
      markers: [{ axis: 'y', value: 0.5, label: 'guessing' }],
    };
  }

  /** Redraws everything when the accuracy was measured (and at the start and end); between, only the step count moves. */
  function draw(t0: number, measured: boolean): void {
    progress.textContent = run.stepsDone > 0 ? `Step ${run.stepsDone} / ${c.steps}` : `Step 0 / ${c.steps}: press Start`;
    if (!measured) return;
    series = gatingSeries(run);
    initChart.show(lagSpec('Untrained: the gradient from k steps back', 'init'));
    accuracyChart.show(accuracySpec());
    trainedChart.show(lagSpec(trainedTitle(), 'trained'));
    story.textContent = gatingStory(run);
    ctx.rendered([initChart, accuracyChart, trainedChart], t0);
  }

  return {
    dispose: stop,
    retheme: () => { initChart.retheme(); accuracyChart.retheme(); trainedChart.retheme(); },
  };
}

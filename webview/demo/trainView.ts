import { createTrainingRun, TRAIN_DEFAULTS, trainSeries, trainStory, type TrainingRun } from '../../src/demos/trainDemo';
import type { Series } from '../../src/demos/series';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { button } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { pick, seriesCsv } from './demoSeries';

/** Milliseconds of training per frame, then a pause: the class sees the curves grow, and the panel stays responsive. */
const FRAME_BUDGET_MS = 12;
const PAUSE_MS = 15;

/** Every delay trained side by side from the same start, live: training loss and held-out accuracy. */
export function mountTrain(root: HTMLElement, ctx: DemoContext): DemoView {
  const mountedAt = performance.now();
  const { steps, seed, delays } = TRAIN_DEFAULTS;
  let run: TrainingRun = createTrainingRun(ctx.engine, TRAIN_DEFAULTS);
  let playing = false;
  let timer: number | undefined;

  const progress = el('span', { id: 'progress', className: 'seed' });
  const playButton = button('Start', toggle, { id: 'play' });
  const loss = chartBox('loss-chart');
  const accuracy = chartBox('accuracy-chart');
  const lossChart = new LineChart(loss.canvas, lossSpec(trainSeries(run)));
  const accuracyChart = new LineChart(accuracy.canvas, accuracySpec(trainSeries(run)));
  const story = el('p', { id: 'story', className: 'explain' });
  root.append(
    el('div', { className: 'controls' }, playButton, button('Reset', () => reset(), { id: 'reset', secondary: true }), el('span', { id: 'seed', className: 'seed', text: `Seed ${seed}` }), progress),
    el('div', { className: 'charts two' }, loss.box, accuracy.box),
    story,
    ctx.exportable('train-curves', () => seriesCsv('step', trainSeries(run)), lossChart),
  );
  // A restored panel replays its seeded run to where it was, paused.
  const replay = Math.min(ctx.settings.trainSteps ?? 0, steps);
  while (run.stepsDone < replay) run.step();
  draw(mountedAt);

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
    run = createTrainingRun(ctx.engine, TRAIN_DEFAULTS);
    playButton.textContent = playing ? 'Pause' : 'Start';
    ctx.save({ trainSteps: 0 });
    draw(performance.now());
    if (playing) tick();
  }

  function tick(): void {
    const t0 = performance.now();
    while (performance.now() - t0 < FRAME_BUDGET_MS && !run.finished) run.step();
    draw(t0);
    ctx.save({ trainSteps: run.stepsDone });
    if (run.finished) {
      playing = false;
      playButton.textContent = 'Start again';
      return;
    }
    timer = window.setTimeout(tick, PAUSE_MS);
  }

  function lossSpec(all: Series[]): ChartSpec {
    return {
      title: 'Training loss (each step a fresh batch)', xLabel: 'training step', yLabel: 'loss (log scale)', logY: true, fontSize: DEMO_FONT_PX,
      series: delays.map((k, i) => pick(all, `loss.delay${k}`, `delay ${k}`, i)),
    };
  }

  function accuracySpec(all: Series[]): ChartSpec {
    return {
      title: 'Accuracy on held-out sequences', xLabel: 'training step', yLabel: 'accuracy', logY: false, yMin: 0, yMax: 1, fontSize: DEMO_FONT_PX,
      series: delays.map((k, i) => pick(all, `heldOutAccuracy.delay${k}`, `delay ${k}`, i)),
    };
  }

  function draw(t0: number): void {
    const all = trainSeries(run);
    lossChart.show(lossSpec(all));
    accuracyChart.show(accuracySpec(all));
    progress.textContent = run.stepsDone > 0 ? `Step ${run.stepsDone} / ${steps}` : `Step 0 / ${steps}: press Start`;
    story.textContent = trainStory(run);
    ctx.rendered([lossChart, accuracyChart], t0);
  }

  return {
    dispose: stop,
    retheme: () => { lossChart.retheme(); accuracyChart.retheme(); },
  };
}

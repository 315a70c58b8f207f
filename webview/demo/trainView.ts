import {
  ADDING_LENGTHS, createTrainingRun, ECHO_DELAYS, TRAIN_DEFAULTS, WHY_LONG_DELAYS_FAIL,
  type TrainConfig, type TrainingRun,
} from '../../src/demos/trainDemo';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSpec } from '../shared/lineChart';
import { button, dropdown } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

/** Steps per run; enough for short delays to reach 100 % and long ones to visibly stall. */
export const TRAIN_MAX_STEPS = 300;
/** Training speed a class can follow: about 100 steps a second, so a full run takes 3 s. */
const STEPS_PER_TICK = 2;
const TICK_MS = 20;

export function mountTrain(root: HTMLElement, ctx: DemoContext): DemoView {
  let task = ctx.settings.trainTask ?? 'echo';
  let delay = ctx.settings.trainDelay ?? 2;
  let length = ctx.settings.trainLength ?? 10;
  const mountedAt = performance.now();
  let run: TrainingRun = createTrainingRun(config());
  let playing = false;
  let timer: number | undefined;

  const seed = el('span', { id: 'seed', className: 'seed' });
  const progress = el('span', { id: 'progress', className: 'seed' });
  const playButton = button('Start', toggle, { id: 'play' });
  const taskChoice = el('span', { className: 'task-choice' });
  const loss = chartBox('loss-chart');
  const accuracy = chartBox('accuracy-chart');
  const charts = el('div', { className: 'charts two' }, loss.box, accuracy.box);
  const lossChart = new LineChart(loss.canvas, lossSpec());
  const accuracyChart = new LineChart(accuracy.canvas, accuracySpec());
  root.append(
    el('div', { className: 'controls' },
      dropdown('task', 'Task', [{ value: 'echo', label: 'Delayed echo' }, { value: 'adding', label: 'Adding problem' }], task, (v) => {
        task = v === 'adding' ? 'adding' : 'echo';
        renderTaskChoice();
        reset();
      }),
      taskChoice,
      playButton,
      button('Reset', reset, { id: 'reset', secondary: true }),
      seed, progress,
    ),
    charts,
    el('p', { className: 'explain', text: WHY_LONG_DELAYS_FAIL }),
    ctx.exportable('train-curves', () => toCsv('step', [...lossSpec().series, ...accuracySpec().series]), lossChart),
  );
  renderTaskChoice();
  // A restored panel replays its seeded run to where it was, paused.
  const replay = Math.min(ctx.settings.trainSteps ?? 0, TRAIN_MAX_STEPS);
  for (let s = 0; s < replay; s++) run.step();
  draw(mountedAt);

  function config(): TrainConfig {
    return { ...TRAIN_DEFAULTS, task: task === 'echo' ? { task: 'echo', delay } : { task: 'adding', length } };
  }

  function renderTaskChoice(): void {
    taskChoice.replaceChildren(task === 'echo'
      ? dropdown('delay', 'Delay k', ECHO_DELAYS.map((d) => ({ value: String(d), label: String(d) })), String(delay), (v) => { delay = Number(v); reset(); })
      : dropdown('length', 'Length T', ADDING_LENGTHS.map((t) => ({ value: String(t), label: String(t) })), String(length), (v) => { length = Number(v); reset(); }));
  }

  function toggle(): void {
    playing = !playing;
    if (playing && run.points.length >= TRAIN_MAX_STEPS) reset(true);
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
    run = createTrainingRun(config());
    playButton.textContent = playing ? 'Pause' : 'Start';
    ctx.save({ trainTask: task, trainDelay: delay, trainLength: length, trainSteps: 0 });
    draw(performance.now());
    if (playing) tick();
  }

  function tick(): void {
    const t0 = performance.now();
    for (let s = 0; s < STEPS_PER_TICK && run.points.length < TRAIN_MAX_STEPS; s++) run.step();
    draw(t0);
    ctx.save({ trainTask: task, trainDelay: delay, trainLength: length, trainSteps: run.points.length });
    if (run.points.length >= TRAIN_MAX_STEPS) {
      playing = false;
      playButton.textContent = 'Start again';
      return;
    }
    timer = window.setTimeout(tick, TICK_MS);
  }

  function lossSpec(): ChartSpec {
    return {
      title: `Loss — ${run.taskName}`, xLabel: 'training step', yLabel: 'loss (log scale)', logY: true, fontSize: DEMO_FONT_PX,
      series: [{ label: 'loss', x: run.points.map((p) => p.step), y: run.points.map((p) => p.loss), colour: 0 }],
    };
  }

  function accuracySpec(): ChartSpec {
    return {
      title: 'Accuracy', xLabel: 'training step', yLabel: 'accuracy', logY: false, yMin: 0, yMax: 1, fontSize: DEMO_FONT_PX,
      series: [{ label: 'accuracy', x: run.points.map((p) => p.step), y: run.points.map((p) => p.accuracy), colour: 2 }],
    };
  }

  function draw(t0: number): void {
    lossChart.show(lossSpec());
    accuracyChart.show(accuracySpec());
    const last = run.points.at(-1);
    seed.textContent = `Seed ${run.config.seed}`;
    progress.textContent = last
      ? `Step ${last.step} / ${TRAIN_MAX_STEPS} · loss ${last.loss.toPrecision(3)} · accuracy ${(100 * last.accuracy).toFixed(0)} %`
      : `Step 0 / ${TRAIN_MAX_STEPS}: press Start`;
    ctx.rendered([lossChart, accuracyChart], t0);
  }

  return {
    dispose: stop,
    retheme: () => { lossChart.retheme(); accuracyChart.retheme(); },
  };
}

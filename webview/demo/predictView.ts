import {
  PREDICT_ANSWER, PREDICT_CHOICES, PREDICT_DEFAULTS, PREDICT_EXPLANATION, PREDICT_QUESTION, predictThenRunDemo,
  type PredictChoice,
} from '../../src/demos/predictThenRun';
import type { Series } from '../../src/demos/series';
import { toCsv } from '../shared/dataTable';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSeries } from '../shared/lineChart';
import { button, setDisabled } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';

/** The shape each choice predicts, drawn from the same starting value as the real curve. */
function predictedShape(choice: PredictChoice['id'], actual: Series): number[] {
  const a = actual.y[0];
  return actual.x.map((T) => {
    switch (choice) {
      case 'same': return a;
      case 'slow': return a / T;
      case 'exponential': return a * 0.9 ** (T - 1);
      case 'grows': return a * T;
    }
  });
}

/** First the question and the class's prediction; then the measured curve, with the prediction on it. */
export function mountPredict(root: HTMLElement, ctx: DemoContext): DemoView {
  let prediction = PREDICT_CHOICES.find((c) => c.id === ctx.settings.prediction) ?? null;
  let chart: LineChart | null = null;
  const choiceButtons = PREDICT_CHOICES.map((c) => {
    const b = button(c.text, () => choose(c), { id: `choice-${c.id}`, secondary: true });
    b.classList.add('choice');
    return b;
  });
  const runButton = button('Run it', () => reveal(), { id: 'reveal' });
  const recorded = el('p', { id: 'recorded', className: 'recorded' });
  const result = el('div', { id: 'result' });
  root.append(
    el('p', { className: 'question', id: 'question', text: PREDICT_QUESTION }),
    el('div', { className: 'choices' }, ...choiceButtons),
    recorded,
    el('div', { className: 'controls' }, runButton),
    result,
  );
  showChoice();
  if (prediction && ctx.settings.revealed) reveal(false);
  else ctx.rendered([], performance.now());

  function choose(c: PredictChoice): void {
    prediction = c;
    ctx.recordPrediction(c.id);
    ctx.save({ prediction: c.id });
    showChoice();
  }

  function showChoice(): void {
    choiceButtons.forEach((b, i) => {
      const chosen = PREDICT_CHOICES[i].id === prediction?.id;
      b.setAttribute('appearance', chosen ? 'primary' : 'secondary');
      b.setAttribute('aria-pressed', String(chosen));
    });
    recorded.textContent = prediction ? `Prediction recorded: ${prediction.text}` : 'Ask the class, then record their prediction by clicking it.';
    setDisabled(runButton, prediction === null);
  }

  /** `revealedNow`: clicked "Run it" (scrolls to the answer), not restored after a reload. */
  function reveal(revealedNow = true): void {
    if (!prediction) return;
    const t0 = performance.now();
    const actual = predictThenRunDemo();
    const series: ChartSeries[] = [
      { ...actual, colour: 0 },
      { label: `class prediction (sketch): ${prediction.id}`, x: actual.x, y: predictedShape(prediction.id, actual), colour: 1, dashed: true },
    ];
    const right = prediction.id === PREDICT_ANSWER;
    const box = chartBox('predict-chart');
    result.replaceChildren(
      box.box,
      el('p', { id: 'verdict', className: right ? 'verdict right' : 'verdict wrong', text: right
        ? 'The class predicted it: the gradient reaching step 1 falls exponentially with T.'
        : `Not quite: the class predicted "${prediction.text}" — the measured curve falls exponentially.` }),
      el('p', { className: 'explain', text: `${PREDICT_EXPLANATION} (H = ${PREDICT_DEFAULTS.H}, seed ${PREDICT_DEFAULTS.seed}.)` }),
    );
    chart?.canvas.remove();
    chart = new LineChart(box.canvas, {
      title: '‖∂L/∂h₁‖ against sequence length', xLabel: 'sequence length T', yLabel: '‖∂L/∂h₁‖ (log scale)', logY: true,
      fontSize: DEMO_FONT_PX, series,
    });
    result.append(ctx.exportable('predict-then-run', () => toCsv('T', series), chart));
    ctx.save({ prediction: prediction.id, revealed: true });
    ctx.rendered([chart], t0);
    // The answer appears below the fold on a projector: bring the verdict and the chart into view.
    if (revealedNow) result.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return { dispose: () => undefined, retheme: () => chart?.retheme() };
}

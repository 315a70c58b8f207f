import {
  PREDICT_ANSWER, PREDICT_CHOICES, PREDICT_QUESTION, predictExplanation, predictThenRunDemo,
  type PredictChoice, type PredictThenRunResult,
} from '../../src/demos/predictThenRun';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSeries } from '../shared/lineChart';
import { button, setDisabled } from '../ui/toolkit';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { seriesCsv } from './demoSeries';

/**
 * The shape each choice predicts for the ratio ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖, which is 1 at T = 1. A sketch
 * of a shape, not a fit: the exponential uses the measured factor per step, so a right prediction
 * lies along the curve, and a wrong one visibly leaves it.
 */
function predictedShape(choice: PredictChoice['id'], r: PredictThenRunResult): number[] {
  return r.ratio.x.map((T) => {
    switch (choice) {
      case 'same': return 1;
      case 'slow': return 1 / T;
      case 'exponential': return r.factorPerStep ** (T - 1);
      case 'grows': return T;
    }
  });
}

/** First the question and the class's prediction; then the measured curves, with the prediction on them. */
export function mountPredict(root: HTMLElement, ctx: DemoContext): DemoView {
  let prediction = PREDICT_CHOICES.find((c) => c.id === ctx.settings.prediction) ?? null;
  let charts: LineChart[] = [];
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
    const r = predictThenRunDemo(ctx.engine);
    const right = prediction.id === PREDICT_ANSWER;
    const first = chartBox('predict-chart');
    const ratio = chartBox('ratio-chart');
    result.replaceChildren(
      el('div', { className: 'charts two' }, first.box, ratio.box),
      el('p', { id: 'verdict', className: right ? 'verdict right' : 'verdict wrong', text: right
        ? 'The class predicted it: the gradient reaching step 1 shrinks exponentially with T.'
        : `Not quite: the class predicted "${prediction.text}" — the measured curves shrink exponentially.` }),
      el('p', { id: 'explanation', className: 'explain', text: `${predictExplanation(r)} (H = ${r.options.H}, seed ${r.options.seed}, untrained.)` }),
    );
    charts.forEach((c) => c.canvas.remove());
    const axis = { xLabel: 'sequence length T (loss at step T)', logY: true, fontSize: DEMO_FONT_PX };
    const sketch: ChartSeries = { label: `class prediction (sketch): ${prediction.id}`, x: r.ratio.x, y: predictedShape(prediction.id, r), colour: 1, dashed: true };
    charts = [
      new LineChart(first.canvas, { ...axis, title: '‖∂L/∂h₁‖ against T', yLabel: '‖∂L/∂h₁‖ (log scale)', series: [{ ...r.gradFirst, colour: 0 }] }),
      new LineChart(ratio.canvas, {
        ...axis, title: 'What the T − 1 steps back did: ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖', yLabel: 'ratio (log scale)',
        series: [{ ...r.ratio, colour: 2 }, sketch],
      }),
    ];
    result.append(ctx.exportable('predict-then-run', () => seriesCsv('T', [r.gradFirst, r.ratio]), charts[1]));
    ctx.save({ prediction: prediction.id, revealed: true });
    ctx.rendered(charts, t0);
    // The answer appears below the fold on a projector: bring the verdict and the chart into view.
    if (revealedNow) result.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  return { dispose: () => undefined, retheme: () => charts.forEach((c) => c.retheme()) };
}

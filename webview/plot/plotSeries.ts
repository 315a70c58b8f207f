import { firstDisagreement, gradientSummary, shortNumber } from '../../src/demos/compare';
import { oneTo } from '../../src/demos/series';
import type { ProbeControls } from '../../src/demos/probeProblem';
import type { LastBpttCheck, PlotRun } from '../../src/protocol';
import type { ChartSeries, Marker } from '../shared/lineChart';

/** "ρ 0.9 · T 50 · inputs ×0.5 · no clipping" */
export function runLabel(c: ProbeControls): string {
  return `ρ ${c.radius} · T ${c.T} · inputs ×${c.inputScale} · ${c.clip === null ? 'no clipping' : `clip ${c.clip}`}`;
}

/**
 * The curves of the student plot: overlays (faded), then the engine and the student. (Clipping has
 * no curve here: it rescales the parameter gradients, never ∂L/∂h_t; clippingPanel.ts shows it.)
 * The engine is a plain line and the student hollow diamonds drawn on top, so a student curve that
 * equals the engine's (the goal) still shows: diamonds threaded on the engine's line.
 */
export function plotSeries(current: PlotRun, overlays: readonly PlotRun[]): ChartSeries[] {
  const series: ChartSeries[] = [];
  overlays.forEach((run, i) => {
    const x = oneTo(run.engine.length);
    series.push({ label: `earlier ${i + 1}: engine (${run.label})`, x, y: run.engine, colour: 3 + (i % 3), faded: true, points: 'none' });
    // Like the current run: the kept student curve as hollow diamonds, visible even on its engine's line.
    if (run.student) series.push({ label: `earlier ${i + 1}: your bptt`, x: oneTo(run.student.length), y: run.student, colour: 3 + (i % 3), faded: true, points: 'hollow' });
  });
  const x = oneTo(current.engine.length);
  series.push({ label: 'engine (reference)', x, y: current.engine, colour: 0, points: 'none' });
  if (current.student) series.push({ label: 'your bptt', x: oneTo(current.student.length), y: current.student, colour: 1, points: 'hollow', front: true });
  return series;
}

export function disagreementMarker(current: PlotRun): Marker[] {
  if (!current.student) return [];
  const t = firstDisagreement(current.student, current.engine);
  return t === null ? [] : [{ axis: 'x', value: t, label: `first disagreement (from step T back): step ${t}`, alert: true }];
}

/**
 * The one-line text summary under the chart. It says what was compared (‖dL/dh_t‖ only), and when
 * the last Check Lab failed bptt on a part this plot cannot show, it says so (`lastCheck`).
 */
export function summaryLine(current: PlotRun, lastCheck: LastBpttCheck | null = null): string {
  const parts = [`Engine: ${gradientSummary(current.engine)}.`];
  if (current.student) {
    const t = firstDisagreement(current.student, current.engine);
    parts.push('Compared: ‖dL/dh_t‖ of your bptt and of the engine at each step t = 1..T.');
    parts.push(t === null
      ? `Your dL/dh_t agree with the engine at every step${checkNote(lastCheck)}`
      : `Going back from step T, your dL/dh_t first disagree at step ${t}: yours ${shortNumber(current.student[t - 1] ?? NaN)}, engine ${shortNumber(current.engine[t - 1] ?? NaN)}.`);
  } else if (current.studentProblem) {
    parts.push(current.studentProblem);
  } else {
    parts.push('Running your bptt…');
  }
  return parts.join(' ');
}

/** The end of "your dL/dh_t agree…": what the last check found that this plot cannot show. */
function checkNote(lastCheck: LastBpttCheck | null): string {
  if (lastCheck === null) return '. The plot compares nothing else: Check Lab checks the loss and every gradient.';
  if (lastCheck.part !== null && lastCheck.part !== 'dhs') return `; ${lastCheck.part} does not: see Check Lab.`;
  return `, but the last Check Lab found bptt ${lastCheck.status === 'fail' ? 'wrong' : `ended in ${lastCheck.status}`}: see Check Lab.`;
}

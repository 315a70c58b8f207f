/**
 * "∂L/∂Whh is a sum over the steps": one contribution δ_t·h_{t−1}ᵀ per step t = 1..T, for the
 * engine and for the student's own dhs, and whether they add up to the dWhh each returned.
 */
import { agrees } from '../../src/engine';
import { shortNumber } from '../../src/demos/compare';
import { oneTo } from '../../src/demos/series';
import { chartBox, el } from '../shared/dom';
import { LineChart, type ChartSeries } from '../shared/lineChart';
import { relativeMaxDifference, whhContributions, type WhhContributions } from './whhContributions';

/** What the panel needs from the student's run, or null while there is none. */
export interface StudentWhh {
  readonly dhs: number[][];
  readonly dWhh: number[][] | null;
}

export class ContributionsView {
  readonly section: HTMLElement;
  private readonly chart: LineChart;
  private readonly lines: HTMLElement;

  constructor() {
    const { box, canvas } = chartBox('contributions-chart');
    this.lines = el('ul', { id: 'contributions-checks' });
    this.section = el('section', { id: 'contributions', className: 'explain' },
      el('h2', { text: '∂L/∂Whh is a sum over the steps' }),
      el('p', { text: 'Whh is used at every step, so its gradient collects one contribution per step: '
        + 'δ_t·h_{t−1}ᵀ with δ_t = ∂L/∂h_t ⊙ (1 − h_t²) and h_0 the initial state. The chart shows the size of each; they add up to dWhh.' }),
      box, this.lines);
    this.chart = new LineChart(canvas, { title: '', xLabel: 'time step t', yLabel: '‖δ_t·h_{t−1}ᵀ‖ (log scale)', logY: true, series: [] });
  }

  retheme(): void {
    this.chart.retheme();
  }

  /**
   * hs: the forward states h_0..h_T; engine: the engine's contributions and dWhh; student: the
   * student's dhs and dWhh (their contributions are built here from their dhs and the same hs).
   */
  render(hs: readonly Float64Array[], engine: WhhContributions, engineDWhh: Float64Array, student: StudentWhh | null): void {
    const series: ChartSeries[] = [{ label: 'engine: δ_t·h_{t−1}ᵀ', x: oneTo(engine.norms.length), y: engine.norms, colour: 0, points: 'none' }];
    const items: HTMLElement[] = [];
    // With h_0 = 0 the first step's contribution δ_1·h_0ᵀ is exactly 0: a log axis cannot show it, so say why.
    if (hs[0].every((x) => x === 0)) items.push(note('Step 1 contributes δ_1·h_0ᵀ = 0 here, because h_0 = 0: it has no point on the log scale.'));
    items.push(line('engine-sum', agreement(['The engine\'s contributions add up to its dWhh', 'The engine\'s contributions do NOT add up to its dWhh'], engineDWhh, engine.sum)));
    if (student) {
      const H = hs[0].length;
      const fits = student.dhs.length === hs.length - 1 && student.dhs.every((v) => v.length === H);
      if (!fits) {
        items.push(line('student-sum', `Your dhs are not T vectors of H = ${H} numbers, so their contributions cannot be formed.`));
      } else {
        const mine = whhContributions(hs, student.dhs);
        series.push({ label: 'your bptt: δ_t·h_{t−1}ᵀ from your dhs', x: oneTo(mine.norms.length), y: mine.norms, colour: 1, points: 'hollow', front: true });
        const dWhh = student.dWhh === null ? null : Float64Array.from(student.dWhh.flat());
        items.push(dWhh === null
          ? line('student-sum', 'Your grads.Whh is not an H×H array of numbers, so it cannot be compared.')
          : line('student-sum', agreement(['Your contributions (from your dhs) add up to your dWhh', 'Your contributions (from your dhs) do NOT add up to your dWhh'], dWhh, mine.sum,
            'if your dhs are right, keep += over every step for dWhh (the weights are shared)')));
        if (dWhh !== null) items.push(line('student-engine', agreement(['Your dWhh equals the engine\'s', 'Your dWhh differs from the engine\'s'], engineDWhh, dWhh)));
      }
    }
    this.chart.show({ title: '', xLabel: 'time step t', yLabel: '‖δ_t·h_{t−1}ᵀ‖ (log scale)', logY: true, series });
    this.lines.replaceChildren(...items);
  }
}

/** "✓ yes (…)" when `got` agrees with `expected` (the one definition the checker and the plot use), else "✗ no: … advice". */
function agreement([yes, no]: readonly [string, string], expected: ArrayLike<number>, got: ArrayLike<number>, advice?: string): string {
  const size = `largest difference ${shortNumber(relativeMaxDifference(got, expected))} of the largest entry`;
  return agrees(Array.from(expected), Array.from(got)) ? `✓ ${yes} (${size}).` : `✗ ${no}: ${size}${advice ? `; ${advice}` : ''}.`;
}

function line(id: string, text: string): HTMLElement {
  const li = el('li', { text });
  li.dataset.check = id;
  li.dataset.ok = String(text.startsWith('✓'));
  return li;
}

function note(text: string): HTMLElement {
  const li = el('li', { text, className: 'muted' });
  li.dataset.check = 'note';
  return li;
}

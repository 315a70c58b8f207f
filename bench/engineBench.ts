import { targetChecks } from '../src/cli/bench/benchReport';
import { timeWorkload } from '../src/cli/bench/runBench';
import { makeWorkloads } from '../src/cli/bench/workloads';
import { formatNumber, row, type TargetRow } from './targets';

/**
 * The engine targets (BENCH.md workloads (a)–(d)), timed by the same code as `rnn-lab bench`, with
 * the plain-JS baseline measured in the same run (the "≥ 2× plain JS" targets need it).
 */
export function engineBench(log: (line: string) => void): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const w of makeWorkloads()) {
    const r = timeWorkload(w, { baseline: true, minRuns: 7, budgetMs: 1500 });
    const ms = r.engine.medianMs;
    log(`engine (${w.id}) ${formatNumber(ms)} ms`);
    const what = `(${w.id}) ${w.shape}: forward + BPTT, median`;
    for (const check of targetChecks(r)) {
      if (check.label.includes('plain JS') && r.plainJs) {
        const speedUp = r.plainJs.medianMs / ms;
        rows.push(row({
          part: 'engine', id: `engine.${w.id}.plainJs`, what: `(${w.id}) speed-up over plain JS loops (same run)`, value: speedUp, unit: '×',
          measured: `${speedUp.toFixed(1)}× (${formatNumber(ms)} vs ${formatNumber(r.plainJs.medianMs)} ms)`, target: '≥ 2×', pass: check.pass,
        }));
      } else if (check.label.includes('PyTorch')) {
        rows.push(row({ part: 'engine', id: `engine.${w.id}.pytorch`, what, value: ms, unit: 'ms', target: `< ${w.pytorchMs} ms (PyTorch f64, 1 thread)`, pass: check.pass }));
      } else {
        rows.push(row({ part: 'engine', id: `engine.${w.id}.budget`, what: `(${w.id}) sweep, median`, value: ms, unit: 'ms', target: check.label, pass: check.pass }));
      }
    }
  }
  return rows;
}

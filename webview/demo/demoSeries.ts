import type { Series } from '../../src/demos/series';
import { toCsv } from '../shared/dataTable';
import type { ChartSeries } from '../shared/lineChart';

/** The series of `all` whose id is `id`, drawn with a short legend label and a colour. */
export function pick(all: readonly Series[], id: string, label: string, colour: number, extra: Partial<ChartSeries> = {}): ChartSeries {
  const s = all.find((x) => x.id === id);
  if (!s) throw new Error(`no series "${id}" among ${all.map((x) => x.id).join(', ')}`);
  return { label, x: s.x, y: s.y, colour, ...extra };
}

/** CSV with the series' stable ids as column names: the same columns as `rnn-lab demo <name> --json`. */
export function seriesCsv(xLabel: string, all: readonly Series[]): string {
  return toCsv(xLabel, all.map((s) => ({ label: s.id, x: s.x, y: s.y })));
}

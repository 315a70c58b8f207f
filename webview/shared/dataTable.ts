import type { ChartSeries } from './lineChart';

/** Full precision for copying; exponent form because the values span many decades. */
export function formatValue(y: number | undefined): string {
  if (y === undefined) return '';
  return Number.isFinite(y) ? y.toExponential(6) : String(y);
}

/**
 * The plotted numbers as an HTML table (for screen readers and copying): one row per x, one
 * column per series. Series may differ in length (overlaid runs with different T).
 */
export function renderDataTable(table: HTMLTableElement, caption: string, xLabel: string, series: readonly ChartSeries[]): void {
  table.replaceChildren();
  const cap = table.createCaption();
  cap.textContent = caption;
  const head = table.createTHead().insertRow();
  for (const h of [xLabel, ...series.map((s) => s.label)]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.appendChild(th);
  }
  const xs = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const body = table.createTBody();
  const lookup = series.map((s) => new Map(s.x.map((x, i) => [x, s.y[i]])));
  for (const x of xs) {
    const row = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(x);
    row.appendChild(th);
    for (const m of lookup) row.insertCell().textContent = formatValue(m.get(x));
  }
}

/** The same numbers as CSV (full float64 precision), header first. */
export function toCsv(xLabel: string, series: readonly ChartSeries[]): string {
  const xs = [...new Set(series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const lookup = series.map((s) => new Map(s.x.map((x, i) => [x, s.y[i]])));
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [[xLabel, ...series.map((s) => s.label)].map(quote).join(',')];
  for (const x of xs) lines.push([String(x), ...lookup.map((m) => { const y = m.get(x); return y === undefined ? '' : String(y); })].join(','));
  return lines.join('\n') + '\n';
}

/** One measured product target: what was measured, the target, and whether it was met. */
export interface TargetRow {
  /** engine | checker | webview */
  readonly part: string;
  /** Stable id for --json, e.g. "engine.c.pytorch". */
  readonly id: string;
  readonly what: string;
  /** The number the verdict is about, in `unit`. */
  readonly value: number;
  readonly unit: 'ms' | 'MB' | '×';
  /** The measured value as printed (may add context: p95, runs, …). */
  readonly measured: string;
  /** The target as printed, e.g. "< 16 ms"; "—" when there is none (reported only). */
  readonly target: string;
  /** null: no target, reported only. */
  readonly pass: boolean | null;
}

export function row(r: Omit<TargetRow, 'measured'> & { measured?: string }): TargetRow {
  return { ...r, measured: r.measured ?? `${formatNumber(r.value)} ${r.unit}` };
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0..100). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** The Markdown table printed by `npm run bench` (pasteable into the README). */
export function targetTable(rows: readonly TargetRow[]): string {
  const lines = ['| part | what | measured | target | result |', '|---|---|---:|---|---|'];
  for (const r of rows) {
    const verdict = r.pass === null ? '(reported)' : r.pass ? 'PASS' : 'FAIL';
    lines.push(`| ${r.part} | ${r.what} | ${r.measured} | ${r.target} | ${verdict} |`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A named curve as the demos, the CLI and the panels hand it on: y against x, plain numbers
 * (JSON-ready). `id` is stable (scripts read `rnn-lab demo <name> --json` by it); `label` is for
 * people.
 */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly x: number[];
  readonly y: number[];
}

/** 1, 2, …, n: the 1-based time steps (or sequence lengths, or lags) of a curve. */
export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

/** The median of the finite values (NaN when there are none). */
export function median(values: readonly number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** A named curve as the demos and the CLI hand it on: y against x, plain numbers (JSON-ready). */
export interface Series {
  readonly label: string;
  readonly x: number[];
  readonly y: number[];
}

/** 1, 2, …, n: the 1-based time steps (or sequence lengths) of a curve. */
export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

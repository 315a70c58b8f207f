import type { Matrix } from '../tensor';

/** The small vector algebra the gated cells are written in (row-major matrices, Float64Array vectors). */

/** σ(a) = 1 / (1 + e^−a); σ′(a) = σ(a)(1 − σ(a)). */
export function sigmoid(a: number): number {
  return 1 / (1 + Math.exp(-a));
}

/** out = M v (out has M.rows entries). */
export function matVecInto(out: Float64Array, M: Matrix, v: Float64Array): Float64Array {
  const { rows, cols, data } = M;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[i * cols + j] * v[j];
    out[i] = s;
  }
  return out;
}

/** acc += Mᵀ u (acc has M.cols entries). */
export function addMatTVec(acc: Float64Array, M: Matrix, u: Float64Array): void {
  const { rows, cols, data } = M;
  for (let i = 0; i < rows; i++) {
    const ui = u[i];
    if (ui === 0) continue;
    for (let j = 0; j < cols; j++) acc[j] += data[i * cols + j] * ui;
  }
}

/** G += u vᵀ */
export function addOuter(G: Matrix, u: Float64Array, v: Float64Array): void {
  const cols = G.cols, data = G.data;
  for (let i = 0; i < u.length; i++) {
    const ui = u[i];
    if (ui === 0) continue;
    for (let j = 0; j < v.length; j++) data[i * cols + j] += ui * v[j];
  }
}

/** acc += v */
export function addTo(acc: Float64Array, v: Float64Array): void {
  for (let i = 0; i < v.length; i++) acc[i] += v[i];
}

/** Σ v² */
export function squares(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return s;
}

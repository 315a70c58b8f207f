/**
 * Flat float64 storage with a shape. Matrices are row-major: `m.data[i * m.cols + j]` is row i,
 * column j, so a row is a contiguous slice (what the inner products of the RNN walk along).
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function zerosMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

export function cloneMatrix(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: m.data.slice() };
}

/** The entry at row i, column j. */
export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j];
}

/** m as nested arrays, `[i][j]` = row i, column j (the student API's `Mat`). */
export function matrixToNested(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Sum of squares of every entry: the building block of Frobenius and global norms. */
export function sumOfSquares(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * values[i];
  return s;
}

/** The transpose, so that products with Mᵀ walk contiguous rows too. */
export function transpose(m: Matrix): Matrix {
  const t = zerosMatrix(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) t.data[j * m.rows + i] = m.data[i * m.cols + j];
  }
  return t;
}

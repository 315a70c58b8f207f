/**
 * The two matrix products the fast BPTT is made of, on row-major Float64Array storage with explicit
 * offsets and row strides (so a product can read one time step's block, or every T-th row of a
 * sequence, without copying).
 *
 * Both are register-blocked: the innermost loop keeps a 4×2 block of C in local variables, so each
 * value loaded from A or B is used two or four times before the next load. That, not cleverness in
 * the arithmetic, is what makes them several times faster than one dot product at a time.
 */

/**
 * C = A·Bᵀ (or C += A·Bᵀ when `accumulate`): C[m][n] = Σ_k A[m][k]·B[n][k] for m < M, n < N, k < K.
 * A is M×K (stride lda), B is N×K (stride ldb), C is M×N (stride ldc). Both operands are walked
 * along contiguous rows.
 */
export function gemmABt(
  M: number, N: number, K: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  C: Float64Array, cOff: number, ldc: number,
  accumulate: boolean,
): void {
  let m = 0;
  for (; m + 4 <= M; m += 4) {
    const a0 = aOff + m * lda, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda;
    const c0 = cOff + m * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
    let n = 0;
    for (; n + 2 <= N; n += 2) {
      const b0 = bOff + n * ldb, b1 = b0 + ldb;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = B[b0 + k], x1 = B[b1 + k];
        const y0 = A[a0 + k], y1 = A[a1 + k], y2 = A[a2 + k], y3 = A[a3 + k];
        s00 += y0 * x0; s01 += y0 * x1;
        s10 += y1 * x0; s11 += y1 * x1;
        s20 += y2 * x0; s21 += y2 * x1;
        s30 += y3 * x0; s31 += y3 * x1;
      }
      if (accumulate) {
        C[c0 + n] += s00; C[c0 + n + 1] += s01; C[c1 + n] += s10; C[c1 + n + 1] += s11;
        C[c2 + n] += s20; C[c2 + n + 1] += s21; C[c3 + n] += s30; C[c3 + n + 1] += s31;
      } else {
        C[c0 + n] = s00; C[c0 + n + 1] = s01; C[c1 + n] = s10; C[c1 + n + 1] = s11;
        C[c2 + n] = s20; C[c2 + n + 1] = s21; C[c3 + n] = s30; C[c3 + n + 1] = s31;
      }
    }
    for (; n < N; n++) {
      const b0 = bOff + n * ldb;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < K; k++) {
        const x = B[b0 + k];
        s0 += A[a0 + k] * x; s1 += A[a1 + k] * x; s2 += A[a2 + k] * x; s3 += A[a3 + k] * x;
      }
      if (accumulate) { C[c0 + n] += s0; C[c1 + n] += s1; C[c2 + n] += s2; C[c3 + n] += s3; } else { C[c0 + n] = s0; C[c1 + n] = s1; C[c2 + n] = s2; C[c3 + n] = s3; }
    }
  }
  // Leftover rows (and the whole product when M < 4, e.g. one sequence): a row times 4 columns.
  for (; m < M; m++) {
    const a0 = aOff + m * lda;
    const c0 = cOff + m * ldc;
    let n = 0;
    for (; n + 4 <= N; n += 4) {
      const b0 = bOff + n * ldb, b1 = b0 + ldb, b2 = b1 + ldb, b3 = b2 + ldb;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0, t0 = 0, t1 = 0, t2 = 0, t3 = 0;
      let k = 0;
      for (; k + 2 <= K; k += 2) {
        const y = A[a0 + k], z = A[a0 + k + 1];
        s0 += y * B[b0 + k]; s1 += y * B[b1 + k]; s2 += y * B[b2 + k]; s3 += y * B[b3 + k];
        t0 += z * B[b0 + k + 1]; t1 += z * B[b1 + k + 1]; t2 += z * B[b2 + k + 1]; t3 += z * B[b3 + k + 1];
      }
      if (k < K) {
        const y = A[a0 + k];
        s0 += y * B[b0 + k]; s1 += y * B[b1 + k]; s2 += y * B[b2 + k]; s3 += y * B[b3 + k];
      }
      if (accumulate) {
        C[c0 + n] += s0 + t0; C[c0 + n + 1] += s1 + t1; C[c0 + n + 2] += s2 + t2; C[c0 + n + 3] += s3 + t3;
      } else {
        C[c0 + n] = s0 + t0; C[c0 + n + 1] = s1 + t1; C[c0 + n + 2] = s2 + t2; C[c0 + n + 3] = s3 + t3;
      }
    }
    for (; n < N; n++) {
      const b0 = bOff + n * ldb;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a0 + k] * B[b0 + k];
      if (accumulate) C[c0 + n] += s; else C[c0 + n] = s;
    }
  }
}

/**
 * C += Aᵀ·B over R rows: C[m][n] += Σ_r A[r][m]·B[r][n] for m < M, n < N. A is R×M (stride lda),
 * B is R×N (stride ldb), C is M×N (stride ldc). This is how a shared weight's gradient sums the
 * outer products of every step (and every sequence) at once: dWhh = Σ_t da_t h_{t−1}ᵀ.
 * The rows are taken in chunks so the slices of A and B being combined stay in cache.
 */
export function gemmAtBAccumulate(
  M: number, N: number, R: number,
  A: Float64Array, aOff: number, lda: number,
  B: Float64Array, bOff: number, ldb: number,
  C: Float64Array, cOff: number, ldc: number,
): void {
  const CHUNK = 64;
  for (let r0 = 0; r0 < R; r0 += CHUNK) {
    const r1 = Math.min(R, r0 + CHUNK);
    let m = 0;
    for (; m + 2 <= M; m += 2) {
      const c0 = cOff + m * ldc, c1 = c0 + ldc;
      let n = 0;
      for (; n + 4 <= N; n += 4) {
        let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
        for (let r = r0; r < r1; r++) {
          const ar = aOff + r * lda + m, br = bOff + r * ldb + n;
          const y0 = A[ar], y1 = A[ar + 1];
          const x0 = B[br], x1 = B[br + 1], x2 = B[br + 2], x3 = B[br + 3];
          s00 += y0 * x0; s01 += y0 * x1; s02 += y0 * x2; s03 += y0 * x3;
          s10 += y1 * x0; s11 += y1 * x1; s12 += y1 * x2; s13 += y1 * x3;
        }
        C[c0 + n] += s00; C[c0 + n + 1] += s01; C[c0 + n + 2] += s02; C[c0 + n + 3] += s03;
        C[c1 + n] += s10; C[c1 + n + 1] += s11; C[c1 + n + 2] += s12; C[c1 + n + 3] += s13;
      }
      for (; n < N; n++) {
        let s0 = 0, s1 = 0;
        for (let r = r0; r < r1; r++) {
          const ar = aOff + r * lda + m, x = B[bOff + r * ldb + n];
          s0 += A[ar] * x; s1 += A[ar + 1] * x;
        }
        C[c0 + n] += s0; C[c1 + n] += s1;
      }
    }
    for (; m < M; m++) {
      const c0 = cOff + m * ldc;
      for (let n = 0; n < N; n++) {
        let s = 0;
        for (let r = r0; r < r1; r++) s += A[aOff + r * lda + m] * B[bOff + r * ldb + n];
        C[c0 + n] += s;
      }
    }
  }
}

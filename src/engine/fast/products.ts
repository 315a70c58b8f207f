import { gemmABt, gemmAtBAccumulate } from './gemm';
import type { WasmKernels } from './wasm/instance';

/**
 * The two matrix products, run by the WebAssembly SIMD kernels when they are loaded and every
 * operand lives in their memory, by the TypeScript loops of gemm.ts otherwise (and for the ragged
 * edges the kernels leave: rows beyond a multiple of 4, odd columns). Same signatures as gemm.ts.
 */
export class Products {
  constructor(private readonly wasm: WasmKernels | null) {}

  /** Whether the SIMD kernels are in use. */
  get simd(): boolean {
    return this.wasm !== null;
  }

  private inMemory(...arrays: Float64Array[]): boolean {
    const buffer = this.wasm?.memory.buffer;
    return arrays.every((a) => a.buffer === buffer);
  }

  abt(
    M: number, N: number, K: number,
    A: Float64Array, aOff: number, lda: number,
    B: Float64Array, bOff: number, ldb: number,
    C: Float64Array, cOff: number, ldc: number,
    accumulate: boolean,
  ): void {
    const w = this.wasm;
    if (w === null || N < 4 || K % 2 !== 0 || !this.inMemory(A, B, C)) {
      gemmABt(M, N, K, A, aOff, lda, B, bOff, ldb, C, cOff, ldc, accumulate);
      return;
    }
    if (!accumulate) for (let m = 0; m < M; m++) C.fill(0, cOff + m * ldc, cOff + m * ldc + N);
    // Blocks of 4 rows × 2 columns; then the last rows one at a time (4 columns at a time).
    const M4 = M - (M % 4), N2 = N - (N % 2), N4 = N - (N % 4);
    if (M4 > 0) {
      w.abt(M4, N2, 8 * K, A.byteOffset + 8 * aOff, 8 * lda, B.byteOffset + 8 * bOff, 8 * ldb, C.byteOffset + 8 * cOff, 8 * ldc);
      if (N2 < N) gemmABt(M4, N - N2, K, A, aOff, lda, B, bOff + N2 * ldb, ldb, C, cOff + N2, ldc, true);
    }
    for (let m = M4; m < M; m++) {
      w.abtRow(N4, 8 * K, A.byteOffset + 8 * (aOff + m * lda), B.byteOffset + 8 * bOff, 8 * ldb, C.byteOffset + 8 * (cOff + m * ldc));
      if (N4 < N) gemmABt(1, N - N4, K, A, aOff + m * lda, lda, B, bOff + N4 * ldb, ldb, C, cOff + m * ldc + N4, ldc, true);
    }
  }

  atbAccumulate(
    M: number, N: number, R: number,
    A: Float64Array, aOff: number, lda: number,
    B: Float64Array, bOff: number, ldb: number,
    C: Float64Array, cOff: number, ldc: number,
  ): void {
    const w = this.wasm;
    if (w === null || M < 4 || N < 4 || !this.inMemory(A, B, C)) {
      gemmAtBAccumulate(M, N, R, A, aOff, lda, B, bOff, ldb, C, cOff, ldc);
      return;
    }
    const M4 = M - (M % 4), N4 = N - (N % 4);
    // Chunks of rows, so the slices of A and B being combined stay in cache.
    const CHUNK = 64;
    for (let r0 = 0; r0 < R; r0 += CHUNK) {
      w.atb(M4, 8 * N4, Math.min(CHUNK, R - r0), A.byteOffset + 8 * (aOff + r0 * lda), 8 * lda,
        B.byteOffset + 8 * (bOff + r0 * ldb), 8 * ldb, C.byteOffset + 8 * cOff, 8 * ldc);
    }
    if (N4 < N) gemmAtBAccumulate(M4, N - N4, R, A, aOff, lda, B, bOff + N4, ldb, C, cOff + N4, ldc);
    if (M4 < M) gemmAtBAccumulate(M - M4, N, R, A, aOff + M4, lda, B, bOff, ldb, C, cOff + M4 * ldc, ldc);
  }
}

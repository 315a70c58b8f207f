import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BpttWorkspace, createRng } from '../../../src/engine';
import { sleb, uleb } from '../../../src/engine/fast/wasm/assemble';

describe('the WebAssembly assembler', () => {
  test('LEB128 encodings', () => {
    assert.deepEqual(uleb(0), [0]);
    assert.deepEqual(uleb(127), [127]);
    assert.deepEqual(uleb(128), [0x80, 0x01]);
    assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(sleb(-1), [0x7f]);
    assert.deepEqual(sleb(63), [63]);
    assert.deepEqual(sleb(64), [0xc0, 0x00]);
    assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
  });
});

/** The products by definition, one entry at a time. */
function naiveABt(M: number, N: number, K: number, A: Float64Array, aOff: number, lda: number, B: Float64Array, bOff: number, ldb: number): number[][] {
  return Array.from({ length: M }, (_, m) => Array.from({ length: N }, (_, n) => {
    let s = 0;
    for (let k = 0; k < K; k++) s += A[aOff + m * lda + k] * B[bOff + n * ldb + k];
    return s;
  }));
}

describe('matrix products (SIMD kernels with TypeScript edges, and the TypeScript fallback)', () => {
  const rng = createRng(77);
  const shapes = [[1, 1, 1], [4, 2, 2], [5, 3, 7], [8, 8, 8], [13, 6, 10], [32, 64, 64], [3, 64, 64], [9, 17, 33]];
  for (const simd of [true, false]) {
    for (const [M, N, K] of shapes) {
      test(`${simd ? 'SIMD' : 'TypeScript'}: ${M}×${N} with inner size ${K}, with offsets and strides`, () => {
        const ws = new BpttWorkspace({ simd });
        const lda = K + 3, ldb = K + 1, ldc = N + 2;
        ws.reserve({ A: 5 + M * lda, B: 2 + N * ldb, C: 1 + M * ldc, G: N * K, R: 3 + M * lda });
        const A = ws.take('A', 5 + M * lda).map(() => rng.between(-1, 1));
        const B = ws.take('B', 2 + N * ldb).map(() => rng.between(-1, 1));
        const C = ws.take('C', 1 + M * ldc).fill(0.5);
        // (Float64Array.map makes a copy outside the workspace; write the values back in place.)
        ws.take('A', A.length).set(A);
        ws.take('B', B.length).set(B);
        const a = ws.take('A', A.length), b = ws.take('B', B.length), c = ws.take('C', C.length);
        const expected = naiveABt(M, N, K, a, 5, lda, b, 2, ldb);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, false);
        for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) {
          assert.ok(Math.abs(c[1 + m * ldc + n] - expected[m][n]) <= 1e-13 * K, `C[${m}][${n}] = ${c[1 + m * ldc + n]}, expected ${expected[m][n]}`);
        }
        // Padding between rows is untouched; accumulate adds.
        if (ldc > N) assert.equal(c[1 + N], 0.5);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, true);
        assert.ok(Math.abs(c[1] - 2 * expected[0][0]) <= 1e-13 * K);

        // atb: G (N×K) += Bᵀ·R over M rows, where R's rows have stride lda: G[n][k] = Σ_m B[m][n]·R[m][k].
        const R = ws.take('R', 3 + M * lda);
        R.set(a.subarray(0, R.length));
        const G = ws.take('G', N * K).fill(0);
        const Bt = ws.take('B', b.length); // B read as M rows of N (stride ldb ≥ N needs N ≤ ldb)
        if (N <= ldb && M * ldb + 2 <= Bt.length) {
          ws.products.atbAccumulate(N, K, M, Bt, 2, ldb, R, 3, lda, G, 0, K);
          for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) {
            let s = 0;
            for (let m = 0; m < M; m++) s += Bt[2 + m * ldb + n] * R[3 + m * lda + k];
            assert.ok(Math.abs(G[n * K + k] - s) <= 1e-13 * M, `G[${n}][${k}] = ${G[n * K + k]}, expected ${s}`);
          }
        }
        assert.equal(ws.simd, simd);
      });
    }
  }
});

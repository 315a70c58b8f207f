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
  const shapes = [[1, 1, 1], [1, 9, 6], [2, 4, 2], [4, 2, 2], [5, 3, 7], [8, 8, 8], [13, 6, 10], [32, 64, 64], [3, 64, 64], [9, 17, 33]];
  for (const simd of [true, false]) {
    for (const [M, N, K] of shapes) {
      test(`${simd ? 'SIMD' : 'TypeScript'}: ${M}×${N} with inner size ${K}, with offsets and strides`, () => {
        const ws = new BpttWorkspace({ simd });
        const lda = K + 3, ldb = K + 1, ldc = N + 2;
        ws.reserve({ A: 5 + M * lda, B: 2 + N * ldb, C: 1 + M * ldc });
        const a = ws.take('A', 5 + M * lda), b = ws.take('B', 2 + N * ldb), c = ws.take('C', 1 + M * ldc).fill(0.5);
        for (let i = 0; i < a.length; i++) a[i] = rng.between(-1, 1);
        for (let i = 0; i < b.length; i++) b[i] = rng.between(-1, 1);
        const expected = naiveABt(M, N, K, a, 5, lda, b, 2, ldb);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, false);
        for (let m = 0; m < M; m++) for (let n = 0; n < N; n++) {
          assert.ok(Math.abs(c[1 + m * ldc + n] - expected[m][n]) <= 1e-13 * K, `C[${m}][${n}] = ${c[1 + m * ldc + n]}, expected ${expected[m][n]}`);
        }
        // Padding between rows is untouched; accumulate adds.
        if (ldc > N) assert.equal(c[1 + N], 0.5);
        ws.products.abt(M, N, K, a, 5, lda, b, 2, ldb, c, 1, ldc, true);
        assert.ok(Math.abs(c[1] - 2 * expected[0][0]) <= 1e-13 * K);

        // atb: G (N×K) += Pᵀ·Q over M rows: G[n][k] = Σ_m P[m][n]·Q[m][k]; P and Q rows have strides.
        const ldp = N + 1, ldq = K + 2;
        ws.reserve({ P: 1 + M * ldp, Q: 2 + M * ldq, G: N * K });
        const P = ws.take('P', 1 + M * ldp), Q = ws.take('Q', 2 + M * ldq), G = ws.take('G', N * K);
        for (let i = 0; i < P.length; i++) P[i] = rng.between(-1, 1);
        for (let i = 0; i < Q.length; i++) Q[i] = rng.between(-1, 1);
        G.fill(1);
        ws.products.atbAccumulate(N, K, M, P, 1, ldp, Q, 2, ldq, G, 0, K);
        for (let n = 0; n < N; n++) for (let k = 0; k < K; k++) {
          let sum = 1;
          for (let m = 0; m < M; m++) sum += P[1 + m * ldp + n] * Q[2 + m * ldq + k];
          assert.ok(Math.abs(G[n * K + k] - sum) <= 1e-13 * (M + 1), `G[${n}][${k}] = ${G[n * K + k]}, expected ${sum}`);
        }
        assert.equal(ws.simd, simd);
      });
    }
  }
});

describe('where the SIMD kernels are used', () => {
  test('in Node by default; in a web page only when asked (a page\'s CSP may refuse WebAssembly)', () => {
    assert.equal(new BpttWorkspace().simd, true);
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      assert.equal(new BpttWorkspace().simd, false);
      assert.equal(new BpttWorkspace({ simd: true }).simd, true);
    } finally {
      delete g.document;
    }
    assert.equal(new BpttWorkspace({ simd: false }).simd, false);
  });
});

import { I32, V128, assembleModule, forLoop, op, type WasmFunction } from './assemble';

/**
 * The two products of fast/gemm.ts as WebAssembly SIMD kernels (two float64 lanes per instruction),
 * for the aligned bulk of each product; the caller does the ragged edges in JavaScript. Pointers
 * and strides are in BYTES into the imported memory.
 */

/**
 * abt(M, N, Kbytes, a, lda, b, ldb, c, ldc): C[m][n] += Σ_k A[m][k]·B[n][k], M a multiple of 4,
 * N of 2, K of 2. A 4×2 block of C in 8 vector accumulators, each holding two partial sums along k
 * (added together at the end).
 */
function abtKernel(): WasmFunction {
  const [M, N, Kb, a, lda, b, ldb, c, ldc] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [m, n, k, pb0, pb1, pc] = [9, 10, 11, 12, 13, 14];
  const pa = [15, 16, 17, 18];
  const s = [19, 20, 21, 22, 23, 24, 25, 26]; // s[2i + j]: row m+i, column n+j
  const [x0, x1, y] = [27, 28, 29];

  const inner = [
    ...op.get(pb0), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(x0),
    ...op.get(pb1), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(x1),
    ...[0, 1, 2, 3].flatMap((i) => [
      ...op.get(pa[i]), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(y),
      ...op.get(s[2 * i]), ...op.get(y), ...op.get(x0), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(s[2 * i]),
      ...op.get(s[2 * i + 1]), ...op.get(y), ...op.get(x1), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(s[2 * i + 1]),
    ]),
  ];
  const store = [0, 1, 2, 3].flatMap((i) => [
    // pc = c + (m + i)·ldc + 8n
    ...op.get(c), ...op.get(m), ...op.i32(i), ...op.i32Add, ...op.get(ldc), ...op.i32Mul, ...op.i32Add,
    ...op.get(n), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.set(pc),
    ...[0, 1].flatMap((j) => [
      ...op.get(pc),
      ...op.get(pc), ...op.f64Load(8 * j),
      ...op.get(s[2 * i + j]), ...op.f64x2Lane(0), ...op.get(s[2 * i + j]), ...op.f64x2Lane(1), ...op.f64Add,
      ...op.f64Add, ...op.f64Store(8 * j),
    ]),
  ]);
  const body = forLoop(m, M, 4, [
    // pa[i] = a + (m + i)·lda
    ...op.get(a), ...op.get(m), ...op.get(lda), ...op.i32Mul, ...op.i32Add, ...op.set(pa[0]),
    ...[1, 2, 3].flatMap((i) => [...op.get(pa[i - 1]), ...op.get(lda), ...op.i32Add, ...op.set(pa[i])]),
    ...forLoop(n, N, 2, [
      ...op.get(b), ...op.get(n), ...op.get(ldb), ...op.i32Mul, ...op.i32Add, ...op.tee(pb0),
      ...op.get(ldb), ...op.i32Add, ...op.set(pb1),
      ...s.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
      ...forLoop(k, Kb, 16, inner),
      ...store,
    ]),
  ]);
  return {
    name: 'abt', params: new Array(9).fill(I32), body,
    locals: [I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, ...new Array(8).fill(V128), V128, V128, V128],
  };
}

/**
 * atb(M, Nbytes, R, a, lda, b, ldb, c, ldc): C[m][n] += Σ_r A[r][m]·B[r][n], M a multiple of 4,
 * N of 4. A 4×4 block of C in 8 vector accumulators (two columns each); A's entry is splatted.
 */
function atbKernel(): WasmFunction {
  const [M, Nb, R, a, lda, b, ldb, c, ldc] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [m, n, r, pa, pb, pc] = [9, 10, 11, 12, 13, 14];
  const s = [15, 16, 17, 18, 19, 20, 21, 22]; // s[2i + j]: row m+i, columns n+2j, n+2j+1
  const [x0, x1, y] = [23, 24, 25];

  const inner = [
    ...op.get(pb), ...op.v128Load(0), ...op.set(x0),
    ...op.get(pb), ...op.v128Load(16), ...op.set(x1),
    ...[0, 1, 2, 3].flatMap((i) => [
      ...op.get(pa), ...op.f64Load(8 * i), ...op.f64x2Splat, ...op.set(y),
      ...op.get(s[2 * i]), ...op.get(y), ...op.get(x0), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(s[2 * i]),
      ...op.get(s[2 * i + 1]), ...op.get(y), ...op.get(x1), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(s[2 * i + 1]),
    ]),
    ...op.get(pa), ...op.get(lda), ...op.i32Add, ...op.set(pa),
    ...op.get(pb), ...op.get(ldb), ...op.i32Add, ...op.set(pb),
  ];
  const store = [0, 1, 2, 3].flatMap((i) => [
    // pc = c + (m + i)·ldc + n
    ...op.get(c), ...op.get(m), ...op.i32(i), ...op.i32Add, ...op.get(ldc), ...op.i32Mul, ...op.i32Add,
    ...op.get(n), ...op.i32Add, ...op.set(pc),
    ...[0, 1].flatMap((j) => [
      ...op.get(pc), ...op.get(pc), ...op.v128Load(16 * j), ...op.get(s[2 * i + j]), ...op.f64x2Add, ...op.v128Store(16 * j),
    ]),
  ]);
  const body = forLoop(m, M, 4, [
    ...forLoop(n, Nb, 32, [
      ...s.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
      ...op.get(a), ...op.get(m), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.set(pa),
      ...op.get(b), ...op.get(n), ...op.i32Add, ...op.set(pb),
      ...forLoop(r, R, 1, inner),
      ...store,
    ]),
  ]);
  return {
    name: 'atb', params: new Array(9).fill(I32), body,
    locals: [I32, I32, I32, I32, I32, I32, ...new Array(8).fill(V128), V128, V128, V128],
  };
}

/**
 * abtRow(N, Kbytes, a, b, ldb, c): c[n] += Σ_k a[k]·B[n][k] for ONE row a (a matrix–vector
 * product: a single sequence), N a multiple of 4, K of 2. Four columns at a time.
 */
function abtRowKernel(): WasmFunction {
  const [N, Kb, a, b, ldb, c] = [0, 1, 2, 3, 4, 5];
  const [n, k, pc] = [6, 7, 8];
  const pb = [9, 10, 11, 12];
  const s = [13, 14, 15, 16];
  const y = 17;
  const inner = [
    ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(y),
    ...[0, 1, 2, 3].flatMap((j) => [
      ...op.get(s[j]), ...op.get(y), ...op.get(pb[j]), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(s[j]),
    ]),
  ];
  const body = forLoop(n, N, 4, [
    ...op.get(b), ...op.get(n), ...op.get(ldb), ...op.i32Mul, ...op.i32Add, ...op.set(pb[0]),
    ...[1, 2, 3].flatMap((j) => [...op.get(pb[j - 1]), ...op.get(ldb), ...op.i32Add, ...op.set(pb[j])]),
    ...s.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
    ...forLoop(k, Kb, 16, inner),
    ...op.get(c), ...op.get(n), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.set(pc),
    ...[0, 1, 2, 3].flatMap((j) => [
      ...op.get(pc),
      ...op.get(pc), ...op.f64Load(8 * j),
      ...op.get(s[j]), ...op.f64x2Lane(0), ...op.get(s[j]), ...op.f64x2Lane(1), ...op.f64Add,
      ...op.f64Add, ...op.f64Store(8 * j),
    ]),
  ]);
  return { name: 'abtRow', params: new Array(6).fill(I32), body, locals: [I32, I32, I32, I32, I32, I32, I32, V128, V128, V128, V128, V128] };
}

export function kernelModuleBytes(): Uint8Array {
  return assembleModule([abtKernel(), atbKernel(), abtRowKernel()]);
}

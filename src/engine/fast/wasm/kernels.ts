import { FunctionBuilder, I32, V128, assembleModule, forLoop, op, type WasmFunction } from './assemble';
import { stepKernels } from './stepKernels';

/**
 * The module: the two products of fast/gemm.ts (below) and the elementwise step kernels
 * (stepKernels.ts).
 *
 * The two products of fast/gemm.ts as WebAssembly SIMD kernels (two float64 lanes per instruction),
 * for the aligned bulk of each product; the caller does the ragged edges in TypeScript. Pointers
 * and strides are in BYTES into the imported memory.
 *
 * Two flavours of the same code: `fma` accumulates with f64x2.relaxed_madd (one fused multiply-add
 * per pair of lanes, where the runtime has relaxed SIMD), `mul-add` with f64x2.mul then f64x2.add
 * (plain SIMD, everywhere else). Fused or not, every sum is the same sum in the same order; only
 * the rounding of each product differs (fused rounds once).
 */
export type KernelFlavour = 'fma' | 'mul-add';

/** acc ← acc + y·x on two lanes, in the chosen flavour. */
function multiplyAdd(flavour: KernelFlavour, acc: number, y: number, x: number[]): number[] {
  return flavour === 'fma'
    ? [...op.get(y), ...x, ...op.get(acc), ...op.f64x2RelaxedMadd, ...op.set(acc)]
    : [...op.get(acc), ...op.get(y), ...x, ...op.f64x2Mul, ...op.f64x2Add, ...op.set(acc)];
}

/**
 * abt(M, N, Kb, a, lda, b, ldb, c, ldc): C[m][n] += Σ_k A[m][k]·B[n][k], M a multiple of 4,
 * N of 2, K (= Kb / 8) of 2. A 4×2 block of C in 8 vector accumulators, each holding two partial
 * sums along k (added together at the end).
 *
 *   for m in 0, 4, … < M:
 *     pa[i] = a + (m + i)·lda                                  i = 0..3
 *     for n in 0, 2, … < N:
 *       pb0 = b + n·ldb;  pb1 = pb0 + ldb
 *       s[i][j] = (0, 0)                                       i = 0..3, j = 0..1
 *       for k in 0, 16, … < Kb:                                 (two doubles per step)
 *         x0 = v128.load(pb0 + k);  x1 = v128.load(pb1 + k)
 *         y = v128.load(pa[i] + k);  s[i][0] += y·x0;  s[i][1] += y·x1      i = 0..3
 *       pc = c + (m + i)·ldc + 8n
 *       f64[pc + 8j] += lane0(s[i][j]) + lane1(s[i][j])        i = 0..3, j = 0..1
 */
function abtKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('abt', ['M', 'N', 'Kb', 'a', 'lda', 'b', 'ldb', 'c', 'ldc'] as const);
  const { M, N, Kb, a, lda, b, ldb, c, ldc } = f.param;
  const [m, n, k, pb0, pb1, pc] = f.locals(I32, 6);
  const pa = f.locals(I32, 4);
  const s = f.locals(V128, 8); // s[2i + j]: row m+i, column n+j
  const [x0, x1, y] = f.locals(V128, 3);

  const inner = [
    ...op.get(pb0), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(x0),
    ...op.get(pb1), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(x1),
    ...[0, 1, 2, 3].flatMap((i) => [
      ...op.get(pa[i]), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(y),
      ...multiplyAdd(flavour, s[2 * i], y, op.get(x0)),
      ...multiplyAdd(flavour, s[2 * i + 1], y, op.get(x1)),
    ]),
  ];
  const store = [0, 1, 2, 3].flatMap((i) => [
    ...op.get(c), ...op.get(m), ...op.i32(i), ...op.i32Add, ...op.get(ldc), ...op.i32Mul, ...op.i32Add,
    ...op.get(n), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.set(pc),
    ...[0, 1].flatMap((j) => [
      ...op.get(pc),
      ...op.get(pc), ...op.f64Load(8 * j),
      ...op.get(s[2 * i + j]), ...op.f64x2Lane(0), ...op.get(s[2 * i + j]), ...op.f64x2Lane(1), ...op.f64Add,
      ...op.f64Add, ...op.f64Store(8 * j),
    ]),
  ]);
  return f.build(forLoop(m, M, 4, [
    ...op.get(a), ...op.get(m), ...op.get(lda), ...op.i32Mul, ...op.i32Add, ...op.set(pa[0]),
    ...[1, 2, 3].flatMap((i) => [...op.get(pa[i - 1]), ...op.get(lda), ...op.i32Add, ...op.set(pa[i])]),
    ...forLoop(n, N, 2, [
      ...op.get(b), ...op.get(n), ...op.get(ldb), ...op.i32Mul, ...op.i32Add, ...op.tee(pb0),
      ...op.get(ldb), ...op.i32Add, ...op.set(pb1),
      ...s.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
      ...forLoop(k, Kb, 16, inner),
      ...store,
    ]),
  ]));
}

/**
 * atb(M, Nb, R, a, lda, b, ldb, c, ldc): C[m][n] += Σ_r A[r][m]·B[r][n], M a multiple of 4,
 * N (= Nb / 8) of 4. A 4×4 block of C in 8 vector accumulators (two columns each); A's entry is
 * splatted to both lanes.
 *
 *   for m in 0, 4, … < M:
 *     for n in 0, 32, … < Nb:                                  (four doubles per block)
 *       s[i][j] = (0, 0)                                       i = 0..3, j = 0..1
 *       pa = a + 8m;  pb = b + n
 *       for r in 0 … < R:
 *         x0 = v128.load(pb);  x1 = v128.load(pb + 16)
 *         y = splat(f64[pa + 8i]);  s[i][0] += y·x0;  s[i][1] += y·x1      i = 0..3
 *         pa += lda;  pb += ldb
 *       pc = c + (m + i)·ldc + n
 *       v128[pc + 16j] += s[i][j]                              i = 0..3, j = 0..1
 */
function atbKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('atb', ['M', 'Nb', 'R', 'a', 'lda', 'b', 'ldb', 'c', 'ldc'] as const);
  const { M, Nb, R, a, lda, b, ldb, c, ldc } = f.param;
  const [m, n, r, pa, pb, pc] = f.locals(I32, 6);
  const s = f.locals(V128, 8); // s[2i + j]: row m+i, columns n+2j, n+2j+1
  const [x0, x1, y] = f.locals(V128, 3);

  const inner = [
    ...op.get(pb), ...op.v128Load(0), ...op.set(x0),
    ...op.get(pb), ...op.v128Load(16), ...op.set(x1),
    ...[0, 1, 2, 3].flatMap((i) => [
      ...op.get(pa), ...op.f64Load(8 * i), ...op.f64x2Splat, ...op.set(y),
      ...multiplyAdd(flavour, s[2 * i], y, op.get(x0)),
      ...multiplyAdd(flavour, s[2 * i + 1], y, op.get(x1)),
    ]),
    ...op.get(pa), ...op.get(lda), ...op.i32Add, ...op.set(pa),
    ...op.get(pb), ...op.get(ldb), ...op.i32Add, ...op.set(pb),
  ];
  const store = [0, 1, 2, 3].flatMap((i) => [
    ...op.get(c), ...op.get(m), ...op.i32(i), ...op.i32Add, ...op.get(ldc), ...op.i32Mul, ...op.i32Add,
    ...op.get(n), ...op.i32Add, ...op.set(pc),
    ...[0, 1].flatMap((j) => [
      ...op.get(pc), ...op.get(pc), ...op.v128Load(16 * j), ...op.get(s[2 * i + j]), ...op.f64x2Add, ...op.v128Store(16 * j),
    ]),
  ]);
  return f.build(forLoop(m, M, 4, [
    ...forLoop(n, Nb, 32, [
      ...s.flatMap((acc) => [...op.v128Zero, ...op.set(acc)]),
      ...op.get(a), ...op.get(m), ...op.i32(8), ...op.i32Mul, ...op.i32Add, ...op.set(pa),
      ...op.get(b), ...op.get(n), ...op.i32Add, ...op.set(pb),
      ...forLoop(r, R, 1, inner),
      ...store,
    ]),
  ]));
}

/**
 * abtRow(N, Kb, a, b, ldb, c): c[n] += Σ_k a[k]·B[n][k] for ONE row a (a matrix–vector product: a
 * single sequence), N a multiple of 4, K (= Kb / 8) of 2. Four columns at a time.
 *
 *   for n in 0, 4, … < N:
 *     pb[j] = b + (n + j)·ldb;  s[j] = (0, 0)                  j = 0..3
 *     for k in 0, 16, … < Kb:
 *       y = v128.load(a + k);  s[j] += y·v128.load(pb[j] + k)  j = 0..3
 *     f64[c + 8(n + j)] += lane0(s[j]) + lane1(s[j])            j = 0..3
 */
function abtRowKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('abtRow', ['N', 'Kb', 'a', 'b', 'ldb', 'c'] as const);
  const { N, Kb, a, b, ldb, c } = f.param;
  const [n, k, pc] = f.locals(I32, 3);
  const pb = f.locals(I32, 4);
  const s = f.locals(V128, 4);
  const y = f.local(V128);
  const inner = [
    ...op.get(a), ...op.get(k), ...op.i32Add, ...op.v128Load(), ...op.set(y),
    ...[0, 1, 2, 3].flatMap((j) => multiplyAdd(flavour, s[j], y, [...op.get(pb[j]), ...op.get(k), ...op.i32Add, ...op.v128Load()])),
  ];
  return f.build(forLoop(n, N, 4, [
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
  ]));
}

export function kernelModuleBytes(flavour: KernelFlavour): Uint8Array {
  return assembleModule([abtKernel(flavour), atbKernel(flavour), abtRowKernel(flavour), ...stepKernels(flavour)]);
}

/**
 * The smallest module that uses f64x2.relaxed_madd: `(func (param v128 v128 v128) (result v128)
 * (f64x2.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))`. A runtime that validates it
 * has relaxed SIMD.
 */
export function relaxedSimdProbeBytes(): Uint8Array {
  const type = [0x60, 3, V128, V128, V128, 1, V128];
  const body = [0, ...op.get(0), ...op.get(1), ...op.get(2), ...op.f64x2RelaxedMadd, ...op.end];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, type.length + 1, 1, ...type,
    0x03, 2, 1, 0,
    0x0a, body.length + 2, 1, body.length, ...body,
  ]);
}

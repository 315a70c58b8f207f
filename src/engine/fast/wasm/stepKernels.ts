import { FunctionBuilder, I32, V128, forLoop, op, type WasmFunction } from './assemble';
import type { KernelFlavour } from './kernels';

/**
 * The two elementwise parts of a time step, as WebAssembly SIMD kernels (two lanes at a time):
 * h_t = tanh(a_t) in the forward pass and da_t = dh_t ⊙ (1 − h_t²) in the backward pass. Outside
 * the matrix products they were the largest cost (tanh alone about a fifth of workload (b)).
 */

/** e^{2|x|} − 1 is computed for |x| ≤ 20 only: tanh(20) is 1 in float64, and e^{40} has no overflow. */
const CLAMP = 20;
const LN2_HI = 0.6931471803691238; // ln 2 rounded to its top 32 bits, so k·LN2_HI is exact for |k| < 2²⁰
const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
/** 1.5·2⁵²: adding it rounds a float64 below 2⁵¹ to an integer, which lands in the low mantissa bits. */
const ROUNDING_MAGIC = 6755399441055744;
/** expm1(r) = r·Σ_{i ≤ 12} r^i/(i + 1)!: the first term left out is under 2⁻⁵⁶·r for |r| ≤ ln2/2. */
const EXPM1_TERMS = 13;

/** acc·x + c in the flavour's arithmetic (one Horner step); `acc` and `x` are locals. */
function hornerStep(flavour: KernelFlavour, acc: number, x: number, c: number): number[] {
  return flavour === 'fma'
    ? [...op.get(acc), ...op.get(x), ...op.f64x2Const(c), ...op.f64x2RelaxedMadd, ...op.set(acc)]
    : [...op.get(acc), ...op.get(x), ...op.f64x2Mul, ...op.f64x2Const(c), ...op.f64x2Add, ...op.set(acc)];
}

/** Σ coefficients[i]·x^i by Horner's rule into `acc`. */
function polynomial(flavour: KernelFlavour, acc: number, x: number, coefficients: readonly number[]): number[] {
  const top = coefficients.length - 1;
  return [
    ...op.f64x2Const(coefficients[top]), ...op.set(acc),
    ...coefficients.slice(0, top).reverse().flatMap((c) => hornerStep(flavour, acc, x, c)),
  ];
}

/**
 * tanhRows(R, Hb, pre, bias, out): out[r][j] = tanh(pre[r][j] + bias[j]) for R rows of H = Hb / 8
 * numbers (H even), rows contiguous. tanh u = e/(e + 2) with e = expm1(2u), u = |x|: no cancellation
 * anywhere (e ≥ 0), and expm1 keeps its relative accuracy for tiny u. Per pair of lanes, no branches:
 *
 *   x = pre + bias;  u = |x|;  y = 2·min(u, 20)
 *   k = round(y / ln 2);  r = y − k·LN2_HI − k·LN2_LO          (|r| ≤ ln2 / 2; r = y when k = 0)
 *   m = r·(1 + r/2! + r²/3! + … + r¹²/13!)                      (expm1(r), by Horner)
 *   e = 2^k·m + (2^k − 1)                                       (expm1(y); 2^k from the bits (k << 52) + bits(1.0))
 *   out = e / (e + 2) with the sign bit of x
 *
 * NaN stays NaN; ±∞ gives ±1.
 */
function tanhRowsKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('tanhRows', ['R', 'Hb', 'pre', 'bias', 'out'] as const);
  const { R, Hb, pre, bias, out } = f.param;
  const [r, j, rowBytes] = f.locals(I32, 3);
  const [x, y, kBits, kd, rem, m, twoK] = f.locals(V128, 7);
  const expm1Series = Array.from({ length: EXPM1_TERMS }, (_, i) => 1 / factorial(i + 1));

  const tanhOfX = [
    ...op.get(x), ...op.f64x2Abs, ...op.f64x2Const(CLAMP), ...op.f64x2Min, ...op.f64x2Const(2), ...op.f64x2Mul, ...op.set(y),
    ...op.get(y), ...op.f64x2Const(1 / Math.LN2), ...op.f64x2Mul, ...op.f64x2Const(ROUNDING_MAGIC), ...op.f64x2Add, ...op.set(kBits),
    ...op.get(kBits), ...op.f64x2Const(ROUNDING_MAGIC), ...op.f64x2Sub, ...op.set(kd),
    ...op.get(y), ...op.get(kd), ...op.f64x2Const(LN2_HI), ...op.f64x2Mul, ...op.f64x2Sub,
    ...op.get(kd), ...op.f64x2Const(LN2_LO), ...op.f64x2Mul, ...op.f64x2Sub, ...op.set(rem),
    ...polynomial(flavour, m, rem, expm1Series),
    ...op.get(m), ...op.get(rem), ...op.f64x2Mul, ...op.set(m),
    ...op.get(kBits), ...op.i32(52), ...op.i64x2Shl, ...op.i64x2Const(0x3ff00000, 0), ...op.i64x2Add, ...op.set(twoK),
    // e = 2^k·m + (2^k − 1), kept in m
    ...op.get(twoK), ...op.get(m), ...op.f64x2Mul, ...op.get(twoK), ...op.f64x2Const(1), ...op.f64x2Sub, ...op.f64x2Add, ...op.set(m),
    ...op.get(m), ...op.get(m), ...op.f64x2Const(2), ...op.f64x2Add, ...op.f64x2Div,
    ...op.get(x), ...op.i64x2Const(0x80000000, 0), ...op.v128And, ...op.v128Or,
  ];
  return f.build([
    ...forLoop(r, R, 1, [
      ...op.get(r), ...op.get(Hb), ...op.i32Mul, ...op.set(rowBytes),
      ...forLoop(j, Hb, 16, [
        ...op.get(pre), ...op.get(rowBytes), ...op.i32Add, ...op.get(j), ...op.i32Add, ...op.v128Load(),
        ...op.get(bias), ...op.get(j), ...op.i32Add, ...op.v128Load(), ...op.f64x2Add, ...op.set(x),
        ...op.get(out), ...op.get(rowBytes), ...op.i32Add, ...op.get(j), ...op.i32Add,
        ...tanhOfX,
        ...op.v128Store(),
      ]),
    ]),
  ]);
}

/**
 * backStep(R, Hb, dh, dhNext, h, da, sq, addNext): for R rows of H = Hb / 8 numbers (H even),
 *
 *   if addNext: dh += dhNext                  (the total dL/dh_t: output path + recurrent path)
 *   da = dh ⊙ (1 − h²)                         (tanh'(a_t) = 1 − h_t²)
 *   sq[r] = Σ_j dh[r][j]²                      (‖dL/dh_t‖² of the row, for the plotted norms)
 */
function backStepKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('backStep', ['R', 'Hb', 'dh', 'dhNext', 'h', 'da', 'sq', 'addNext'] as const);
  const { R, Hb, dh, dhNext, h, da, sq, addNext } = f.param;
  const [r, j, at] = f.locals(I32, 3);
  const [g, hv, sum] = f.locals(V128, 3);
  const square = flavour === 'fma'
    ? [...op.get(g), ...op.get(g), ...op.get(sum), ...op.f64x2RelaxedMadd, ...op.set(sum)]
    : [...op.get(sum), ...op.get(g), ...op.get(g), ...op.f64x2Mul, ...op.f64x2Add, ...op.set(sum)];
  return f.build(forLoop(r, R, 1, [
    ...op.v128Zero, ...op.set(sum),
    ...forLoop(j, Hb, 16, [
      ...op.get(r), ...op.get(Hb), ...op.i32Mul, ...op.get(j), ...op.i32Add, ...op.set(at),
      ...op.get(dh), ...op.get(at), ...op.i32Add, ...op.v128Load(), ...op.set(g),
      ...op.get(addNext), ...op.if,
      ...op.get(g), ...op.get(dhNext), ...op.get(at), ...op.i32Add, ...op.v128Load(), ...op.f64x2Add, ...op.set(g),
      ...op.get(dh), ...op.get(at), ...op.i32Add, ...op.get(g), ...op.v128Store(),
      ...op.end,
      ...square,
      ...op.get(h), ...op.get(at), ...op.i32Add, ...op.v128Load(), ...op.set(hv),
      ...op.get(da), ...op.get(at), ...op.i32Add,
      ...op.get(g), ...op.f64x2Const(1), ...op.get(hv), ...op.get(hv), ...op.f64x2Mul, ...op.f64x2Sub, ...op.f64x2Mul,
      ...op.v128Store(),
    ]),
    ...op.get(sq), ...op.get(r), ...op.i32(8), ...op.i32Mul, ...op.i32Add,
    ...op.get(sum), ...op.f64x2Lane(0), ...op.get(sum), ...op.f64x2Lane(1), ...op.f64Add,
    ...op.f64Store(),
  ]));
}

function factorial(n: number): number {
  let p = 1;
  for (let i = 2; i <= n; i++) p *= i;
  return p;
}

export function stepKernels(flavour: KernelFlavour): WasmFunction[] {
  return [tanhRowsKernel(flavour), backStepKernel(flavour)];
}

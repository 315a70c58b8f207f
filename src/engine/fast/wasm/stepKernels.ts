import { FunctionBuilder, I32, V128, forLoop, op, type WasmFunction } from './assemble';
import type { KernelFlavour } from './kernels';

/**
 * The two elementwise parts of a time step, as WebAssembly SIMD kernels (two lanes at a time):
 * h_t = tanh(a_t) in the forward pass and da_t = dh_t ⊙ (1 − h_t²) in the backward pass. Outside
 * the matrix products they were the largest cost (tanh alone about a fifth of workload (b)).
 */

/**
 * Below this |x| tanh is its Taylor series; above it, 1 − 2/(e^{2|x|} + 1). At the switch the
 * subtraction loses under a factor (1 − tanh 0.4)/tanh 0.4 ≈ 1.6 of relative accuracy.
 */
const SERIES_BELOW = 0.4;
/** Terms of the series x·(c1 + c3·x² + … + c29·x²⁸): the next term is under 1e-17 of x at 0.4. */
const SERIES_TERMS = 15;
/** e^{2|x|} is computed for |x| ≤ 20 only: tanh(20) is 1 in float64, and e^{40} has no overflow. */
const CLAMP = 20;
const LN2_HI = 0.6931471803691238; // ln 2 rounded to its top 32 bits, so k·LN2_HI is exact for |k| < 2²⁰
const LN2_LO = 1.9082149292705877e-10; // ln 2 − LN2_HI
/** 1.5·2⁵²: adding it rounds a float64 below 2⁵¹ to an integer, which lands in the low mantissa bits. */
const ROUNDING_MAGIC = 6755399441055744;

/**
 * The Taylor coefficients of tanh: c[k] for x^k, from tanh' = 1 − tanh², i.e.
 * (k + 1)·c[k+1] = [k = 0] − Σ_{i+j=k} c[i]·c[j]. Returns c[1], c[3], …, one per term.
 */
export function tanhSeries(terms: number): number[] {
  const c = new Array<number>(2 * terms).fill(0);
  for (let k = 0; k + 1 < c.length; k++) {
    let square = 0;
    for (let i = 0; i <= k; i++) square += c[i] * c[k - i];
    c[k + 1] = ((k === 0 ? 1 : 0) - square) / (k + 1);
  }
  return c.filter((_, k) => k % 2 === 1);
}

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
 * numbers (H even), rows contiguous. Per pair of lanes, both formulas are evaluated and the lanes
 * pick theirs (no branches):
 *
 *   x = pre + bias;  u = |x|
 *   series:  z = u²;  small = u·(c1 + z·(c3 + … + z·c29))
 *   exp:     y = 2·min(u, 20);  k = round(y / ln 2);  r = y − k·LN2_HI − k·LN2_LO   (|r| ≤ ln2 / 2)
 *            e^y = (Σ_{i ≤ 13} r^i / i!) · 2^k     (2^k: the bits (k << 52) + bits(1.0))
 *            big = 1 − 2 / (e^y + 1)
 *   out = (u < 0.4 ? small : big) with the sign bit of x
 *
 * NaN stays NaN (it fails u < 0.4 and propagates through the exp side); ±∞ gives ±1.
 */
function tanhRowsKernel(flavour: KernelFlavour): WasmFunction {
  const f = new FunctionBuilder('tanhRows', ['R', 'Hb', 'pre', 'bias', 'out'] as const);
  const { R, Hb, pre, bias, out } = f.param;
  const [r, j, rowBytes] = f.locals(I32, 3);
  const [x, u, z, small, acc, kBits, kd, rem] = f.locals(V128, 8);
  const expTaylor = Array.from({ length: 14 }, (_, i) => 1 / factorial(i));

  const tanhOfX = [
    ...op.get(x), ...op.f64x2Abs, ...op.set(u),
    // series side
    ...op.get(u), ...op.get(u), ...op.f64x2Mul, ...op.set(z),
    ...polynomial(flavour, small, z, tanhSeries(SERIES_TERMS)),
    ...op.get(small), ...op.get(u), ...op.f64x2Mul, ...op.set(small),
    // exp side: y = 2·min(u, CLAMP) kept in z (the series is done with it)
    ...op.get(u), ...op.f64x2Const(CLAMP), ...op.f64x2Min, ...op.f64x2Const(2), ...op.f64x2Mul, ...op.set(z),
    ...op.get(z), ...op.f64x2Const(1 / Math.LN2), ...op.f64x2Mul, ...op.f64x2Const(ROUNDING_MAGIC), ...op.f64x2Add, ...op.set(kBits),
    ...op.get(kBits), ...op.f64x2Const(ROUNDING_MAGIC), ...op.f64x2Sub, ...op.set(kd),
    ...op.get(z), ...op.get(kd), ...op.f64x2Const(LN2_HI), ...op.f64x2Mul, ...op.f64x2Sub,
    ...op.get(kd), ...op.f64x2Const(LN2_LO), ...op.f64x2Mul, ...op.f64x2Sub, ...op.set(rem),
    ...polynomial(flavour, acc, rem, expTaylor),
    // · 2^k, then 1 − 2 / (e^y + 1)
    ...op.get(acc), ...op.get(kBits), ...op.i32(52), ...op.i64x2Shl, ...op.i64x2Const(0x3ff00000, 0), ...op.i64x2Add, ...op.f64x2Mul,
    ...op.f64x2Const(1), ...op.f64x2Add, ...op.set(acc),
    ...op.f64x2Const(1), ...op.f64x2Const(2), ...op.get(acc), ...op.f64x2Div, ...op.f64x2Sub, ...op.set(acc),
    // pick per lane, then the sign of x
    ...op.get(small), ...op.get(acc), ...op.get(u), ...op.f64x2Const(SERIES_BELOW), ...op.f64x2Lt, ...op.v128Bitselect,
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

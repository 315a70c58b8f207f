/**
 * A tiny WebAssembly assembler: just enough of the binary format (types, an imported memory,
 * functions, exports, the opcodes the kernels use) to write the SIMD kernels in TypeScript, so the
 * engine needs no build step and no compiler package. The byte values are those of the WebAssembly
 * core specification's binary format, its fixed-width SIMD instructions and the relaxed-SIMD
 * extension (f64x2.relaxed_madd).
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** Unsigned LEB128. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (for i32.const). */
export function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) { out.push(byte); return out; }
    out.push(byte | 0x80);
  }
}

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

/** The instructions the kernels need, as byte sequences. */
export const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], if: [0x04, 0x40], else: [0x05], end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  get: (local: number) => [0x20, ...uleb(local)],
  set: (local: number) => [0x21, ...uleb(local)],
  tee: (local: number) => [0x22, ...uleb(local)],
  i32: (value: number) => [0x41, ...sleb(value)],
  i32Add: [0x6a], i32Sub: [0x6b], i32Mul: [0x6c], i32GeU: [0x4f], i32Eqz: [0x45],
  f64Load: (offset = 0) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset = 0) => [0x39, 3, ...uleb(offset)],
  f64Add: [0xa0], f64Mul: [0xa2],
  v128Load: (offset = 0) => [0xfd, ...uleb(0), 3, ...uleb(offset)],
  v128Store: (offset = 0) => [0xfd, ...uleb(11), 3, ...uleb(offset)],
  v128Zero: [0xfd, ...uleb(12), ...new Array<number>(16).fill(0)],
  f64x2Splat: [0xfd, ...uleb(20)],
  f64x2Lane: (lane: number) => [0xfd, ...uleb(33), lane],
  f64x2Add: [0xfd, ...uleb(240)],
  f64x2Mul: [0xfd, ...uleb(242)],
  /** a·b + c, fused into one rounding where the CPU has fused multiply-add (relaxed SIMD). */
  f64x2RelaxedMadd: [0xfd, ...uleb(0x107)],
  f64x2Sub: [0xfd, ...uleb(241)],
  f64x2Div: [0xfd, ...uleb(243)],
  f64x2Abs: [0xfd, ...uleb(236)],
  f64x2Min: [0xfd, ...uleb(244)],
  f64x2Lt: [0xfd, ...uleb(0x49)],
  v128And: [0xfd, ...uleb(0x4e)],
  v128Or: [0xfd, ...uleb(0x50)],
  v128Bitselect: [0xfd, ...uleb(0x52)],
  i64x2Shl: [0xfd, ...uleb(0xcb)],
  i64x2Add: [0xfd, ...uleb(0xce)],
  /** Both lanes set to the float64 `value`. */
  f64x2Const: (value: number) => [0xfd, ...uleb(12), ...f64Bytes(value), ...f64Bytes(value)],
  /** Both lanes set to the 64-bit pattern hi·2³² + lo. */
  i64x2Const: (hi: number, lo: number) => [0xfd, ...uleb(12), ...u32Bytes(lo), ...u32Bytes(hi), ...u32Bytes(lo), ...u32Bytes(hi)],
};

function f64Bytes(value: number): number[] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true); // WebAssembly memory and constants are little-endian
  return Array.from(new Uint8Array(view.buffer));
}

function u32Bytes(value: number): number[] {
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

export interface WasmFunction {
  readonly name: string;
  readonly params: ValType[];
  /** Extra locals after the parameters, in order. */
  readonly locals: ValType[];
  readonly body: number[];
}

/**
 * Numbers a function's parameters and locals as they are declared, so a kernel names its values
 * (`const k = f.local(I32)`) and no index is ever written by hand.
 */
export class FunctionBuilder<P extends string> {
  /** The index of each parameter, by name (parameters come first, in the order given). */
  readonly param: Readonly<Record<P, number>>;
  private readonly paramTypes: ValType[];
  private readonly localTypes: ValType[] = [];

  constructor(readonly name: string, params: readonly P[], type: ValType = I32) {
    this.param = Object.fromEntries(params.map((p, i) => [p, i])) as Record<P, number>;
    this.paramTypes = params.map(() => type);
  }

  /** A new local of the given type; returns its index. */
  local(type: ValType): number {
    this.localTypes.push(type);
    return this.paramTypes.length + this.localTypes.length - 1;
  }

  /** n new locals of one type. */
  locals(type: ValType, n: number): number[] {
    return Array.from({ length: n }, () => this.local(type));
  }

  build(body: number[]): WasmFunction {
    return { name: this.name, params: this.paramTypes, locals: this.localTypes, body };
  }
}

/** A module importing `env.memory` and exporting the given functions (no results). */
export function assembleModule(functions: readonly WasmFunction[]): Uint8Array {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), 0]);
  const imports = [[...name('env'), ...name('memory'), 0x02, 0x00, 1]];
  const exports = functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]);
  const bodies = functions.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const code = [...locals, ...f.body, ...op.end];
    return [...uleb(code.length), ...code];
  });
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec(imports)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(exports)),
    ...section(10, vec(bodies)),
  ]);
}

/** `for (i = 0; i < limit; i += step) body` with i and limit in locals; two nested blocks deep. */
export function forLoop(i: number, limit: number, step: number, body: number[]): number[] {
  return [
    ...op.i32(0), ...op.set(i),
    ...op.block, ...op.loop,
    ...op.get(i), ...op.get(limit), ...op.i32GeU, ...op.brIf(1),
    ...body,
    ...op.get(i), ...op.i32(step), ...op.i32Add, ...op.set(i),
    ...op.br(0),
    ...op.end, ...op.end,
  ];
}

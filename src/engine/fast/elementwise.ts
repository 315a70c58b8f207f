import type { WasmKernels } from './wasm/instance';

/**
 * The elementwise parts of a time step: h = tanh(a) forward, da = dh ⊙ (1 − h²) backward. Run by
 * the WebAssembly SIMD kernels (wasm/stepKernels.ts) when they are loaded, every operand lives in
 * their memory and H is even; by the TypeScript loops below otherwise. Offsets are in numbers.
 */
export class Elementwise {
  constructor(private readonly wasm: WasmKernels | null) {}

  private kernelsFor(H: number, ...arrays: Float64Array[]): WasmKernels | null {
    const w = this.wasm;
    return w !== null && H % 2 === 0 && arrays.every((a) => a.buffer === w.memory.buffer) ? w : null;
  }

  /** out[r][j] = tanh(pre[r][j] + bias[j]) for R rows of H numbers (rows contiguous). */
  tanhRows(R: number, H: number, pre: Float64Array, bias: Float64Array, out: Float64Array, outOff: number): void {
    const w = this.kernelsFor(H, pre, bias, out);
    if (w !== null) {
      w.tanhRows(R, 8 * H, pre.byteOffset, bias.byteOffset, out.byteOffset + 8 * outOff);
      return;
    }
    for (let i = 0; i < R * H; i++) out[outOff + i] = tanh(pre[i] + bias[i % H]);
  }

  /**
   * For R rows of H numbers: dh += dhNext when `addNext`; da = dh ⊙ (1 − h²); sq[r] = Σ_j dh[r][j]²
   * (the squared norm of the row's total dL/dh).
   */
  backStep(
    R: number, H: number, dh: Float64Array, dhNext: Float64Array, addNext: boolean,
    h: Float64Array, hOff: number, da: Float64Array, daOff: number, sq: Float64Array, sqOff: number,
  ): void {
    const w = this.kernelsFor(H, dh, dhNext, h, da, sq);
    if (w !== null) {
      w.backStep(R, 8 * H, dh.byteOffset, dhNext.byteOffset, h.byteOffset + 8 * hOff, da.byteOffset + 8 * daOff, sq.byteOffset + 8 * sqOff, addNext ? 1 : 0);
      return;
    }
    for (let r = 0; r < R; r++) {
      let s = 0;
      for (let j = r * H; j < (r + 1) * H; j++) {
        const g = addNext ? dh[j] + dhNext[j] : dh[j];
        const hj = h[hOff + j];
        dh[j] = g;
        s += g * g;
        da[daOff + j] = g * (1 - hj * hj);
      }
      sq[sqOff + r] = s;
    }
  }
}

/**
 * tanh(x) = −expm1(−2|x|) / (expm1(−2|x|) + 2), with the sign of x: accurate to a few ulp for tiny
 * and large |x| alike (expm1 has no cancellation near 0), and about a quarter faster than Math.tanh
 * in V8.
 */
function tanh(x: number): number {
  const e = Math.expm1(-2 * Math.abs(x));
  const t = -e / (e + 2);
  return x < 0 ? -t : t;
}

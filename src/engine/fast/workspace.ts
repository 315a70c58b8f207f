import { Elementwise } from './elementwise';
import { Products } from './products';
import { instantiateKernels, type EngineLog, type WasmKernels } from './wasm/instance';

export type { EngineLog } from './wasm/instance';

/**
 * Which matrix products a workspace uses, chosen by the caller (the engine never guesses from its
 * surroundings):
 * - `wasm`: WebAssembly SIMD kernels, with fused multiply-add where the runtime has relaxed SIMD;
 * - `wasm-simd`: the WebAssembly SIMD kernels without fused multiply-add (the fallback, on purpose);
 * - `typescript`: plain TypeScript loops (e.g. a web page whose Content Security Policy forbids
 *   compiling WebAssembly).
 * A WebAssembly choice that cannot be honoured falls back to TypeScript and says why through `log`.
 */
export type KernelChoice = 'wasm' | 'wasm-simd' | 'typescript';

export interface KernelOptions {
  readonly kernels: KernelChoice;
  /** Told once why the WebAssembly kernels could not be built, if that happens. */
  readonly log?: EngineLog;
}

/** What a workspace actually runs: the fused or plain SIMD kernels, or TypeScript. */
export type KernelsInUse = 'wasm-fma' | 'wasm-simd' | 'typescript';

/**
 * Scratch buffers that the fast BPTT reuses from one step to the next and from one call to the
 * next (a training loop or a benchmark calls it thousands of times with the same shapes; fresh
 * multi-megabyte arrays each time would cost more than some of the arithmetic), and the matrix
 * products that work on them.
 *
 * With WebAssembly SIMD available (see the constructor), the buffers live in the kernels' memory
 * so the SIMD products can read them in place; otherwise they are ordinary Float64Arrays and the
 * products are plain TypeScript. Contents are NOT cleared between calls: the kernels write every
 * entry before they read it.
 */
export class BpttWorkspace {
  readonly products: Products;
  readonly elementwise: Elementwise;
  private readonly wasm: WasmKernels | null;
  private readonly plain = new Map<string, Float64Array>();
  private layout = new Map<string, { byteOffset: number; length: number }>();

  /** The kernels are the caller's choice (an engine passes its own, see ../engine.ts). */
  constructor({ kernels, log }: KernelOptions) {
    this.wasm = kernels === 'typescript' ? null : instantiateKernels(kernels === 'wasm', log);
    this.products = new Products(this.wasm);
    this.elementwise = new Elementwise(this.wasm);
  }

  /** Which products this workspace runs. */
  get kernels(): KernelsInUse {
    if (this.wasm === null) return 'typescript';
    return this.wasm.flavour === 'fma' ? 'wasm-fma' : 'wasm-simd';
  }

  /**
   * Lays out every buffer a call will take (name → number of entries) in one go. In WebAssembly
   * memory, growing invalidates every view taken before, so a call reserves first and takes after.
   */
  reserve(sizes: Readonly<Record<string, number>>): void {
    if (this.wasm === null) return;
    const layout = new Map<string, { byteOffset: number; length: number }>();
    let end = 0;
    for (const [name, length] of Object.entries(sizes)) {
      layout.set(name, { byteOffset: end, length });
      end += Math.ceil((8 * length) / 16) * 16;
    }
    const memory = this.wasm.memory;
    const missing = end - memory.buffer.byteLength;
    try {
      if (missing > 0) memory.grow(Math.ceil(missing / 65536));
      this.layout = layout;
    } catch {
      // Past what WebAssembly memory can hold: this call uses plain arrays (and plain products).
      this.layout = new Map();
    }
  }

  /** A buffer of exactly n numbers: reserved WebAssembly memory if available, else a kept array. */
  take(name: string, n: number): Float64Array {
    const region = this.layout.get(name);
    if (this.wasm !== null && region !== undefined && region.length >= n) {
      return new Float64Array(this.wasm.memory.buffer, region.byteOffset, n);
    }
    let buf = this.plain.get(name);
    if (buf === undefined || buf.length < n) {
      buf = new Float64Array(n);
      this.plain.set(name, buf);
    }
    return buf.length === n ? buf : buf.subarray(0, n);
  }
}

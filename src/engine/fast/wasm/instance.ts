import { kernelModuleBytes } from './kernels';

/**
 * The slice of the WebAssembly JS API the engine uses, declared here because the engine's layer
 * sees neither DOM nor Node types. Absent (or without SIMD) → the engine stays on plain TypeScript.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
type Kernel = (...args: number[]) => void;

/** One instance of the kernels with its own memory (one per workspace). */
export interface WasmKernels {
  readonly memory: WasmMemory;
  readonly abt: Kernel;
  readonly atb: Kernel;
  readonly abtRow: Kernel;
}

let compiled: object | null | undefined;

/** Compiles the kernel module once; null when WebAssembly or its SIMD instructions are unavailable. */
function kernelModule(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    compiled = api ? new api.Module(kernelModuleBytes()) : null;
  } catch {
    compiled = null; // e.g. an engine without SIMD support: validation fails, we fall back
  }
  return compiled;
}

export function instantiateKernels(): WasmKernels | null {
  const module = kernelModule();
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (module === null || !api) return null;
  try {
    const memory = new api.Memory({ initial: 1 });
    const { exports } = new api.Instance(module, { env: { memory } });
    return { memory, abt: exports.abt as Kernel, atb: exports.atb as Kernel, abtRow: exports.abtRow as Kernel };
  } catch {
    return null;
  }
}

import { kernelModuleBytes, relaxedSimdProbeBytes, type KernelFlavour } from './kernels';

/**
 * The slice of the WebAssembly JS API the engine uses, declared here because the engine's layer
 * sees neither DOM nor Node types.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}
type Kernel = (...args: number[]) => void;

/** Where the engine reports, once, why it could not use its WebAssembly kernels. */
export type EngineLog = (message: string) => void;

/** One instance of the kernels with its own memory (one per workspace). */
export interface WasmKernels {
  readonly flavour: KernelFlavour;
  readonly memory: WasmMemory;
  readonly abt: Kernel;
  readonly atb: Kernel;
  readonly abtRow: Kernel;
  readonly tanhRows: Kernel;
  readonly backStep: Kernel;
}

const compiled = new Map<KernelFlavour, object | null>();

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** Whether this runtime validates f64x2.relaxed_madd (relaxed SIMD: fused multiply-add). */
export function hasRelaxedSimd(): boolean {
  const api = wasmApi();
  if (api === undefined) return false;
  try {
    return api.validate(relaxedSimdProbeBytes());
  } catch {
    return false;
  }
}

/**
 * Compiles the kernel module of one flavour once; null when that fails, and then the reason is
 * logged (once: the result is remembered, so later workspaces neither retry nor log again).
 */
function kernelModule(flavour: KernelFlavour, log: EngineLog | undefined): object | null {
  const known = compiled.get(flavour);
  if (known !== undefined) return known;
  const api = wasmApi();
  let module: object | null = null;
  try {
    if (api === undefined) throw new Error('this runtime has no WebAssembly');
    module = new api.Module(kernelModuleBytes(flavour));
  } catch (e) {
    log?.(`RNN Lab engine: the WebAssembly ${flavour === 'fma' ? 'relaxed-SIMD' : 'SIMD'} kernels could not be built (${String(e)}); the TypeScript products are used instead.`);
  }
  compiled.set(flavour, module);
  return module;
}

/**
 * An instance of the kernels: fused multiply-add ones when `fma` and the runtime has relaxed SIMD,
 * plain SIMD ones otherwise; null (after logging why) when WebAssembly SIMD is unavailable.
 */
export function instantiateKernels(fma: boolean, log?: EngineLog): WasmKernels | null {
  const flavour: KernelFlavour = fma && hasRelaxedSimd() ? 'fma' : 'mul-add';
  const module = kernelModule(flavour, log);
  const api = wasmApi();
  if (module === null || api === undefined) return null;
  try {
    const memory = new api.Memory({ initial: 1 });
    const { exports } = new api.Instance(module, { env: { memory } });
    const kernel = (name: string): Kernel => exports[name] as Kernel;
    return {
      flavour, memory, abt: kernel('abt'), atb: kernel('atb'), abtRow: kernel('abtRow'), tanhRows: kernel('tanhRows'), backStep: kernel('backStep'),
    };
  } catch (e) {
    log?.(`RNN Lab engine: the WebAssembly kernels could not be instantiated (${String(e)}); the TypeScript products are used instead.`);
    return null;
  }
}

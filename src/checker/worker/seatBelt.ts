/**
 * Inside the checker's child process, before any student code runs: the part of the seat belt that
 * Node's permission model does not cover. The permission model (set on the command line by the
 * parent) refuses writing files, reading outside the lab folder, child processes, workers, addons,
 * WASI, the inspector and process.binding. It does not refuse the network, signals to other
 * processes, or the module loader itself, so this file takes those away from the student's reach:
 * Node's built-in modules are handed out from an allow-list (through `require` and
 * `process.getBuiltinModule` alike), `fetch` and `WebSocket` refuse, `process.kill` refuses, and
 * the real `require` (`process.mainModule`) is gone.
 *
 * This is a seat belt against accidents and casual tricks, not a security boundary: code in the
 * same process can in principle find a way around anything written in JavaScript.
 */
import { REFUSED_ACCESS } from '../workerIpc';

/** A refused access, named for people: what the lab tried, and why a lab may not. */
export interface Refusal {
  readonly what: string;
  readonly why: string;
}

/** Thrown into the student's code when it reaches for something outside the lab. */
export class RefusedAccess extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusalMessage(refusal));
    this.name = REFUSED_ACCESS;
  }
}

export function refusalMessage(r: Refusal): string {
  return `The checker refused ${r.what}: ${r.why}. A checked lab may only read its own folder and compute; it cannot write files, read outside its folder, start processes or workers, load native code or use the network.`;
}

const WHY_NETWORK = 'a lab may not use the network';
const WHY_PROCESS = 'a lab may not start, signal or inspect other processes';
const WHY_WORKER = 'a lab may not start threads or workers';
const WHY_LOADER = "a lab may not reach Node's module loader or the engine's internals";

/** Node built-ins a lab may use (pure computation, or files, which the permission model confines to the lab folder). */
const ALLOWED_BUILTINS = new Set([
  'assert', 'assert/strict', 'buffer', 'events', 'fs', 'fs/promises', 'path', 'path/posix', 'path/win32',
  'perf_hooks', 'querystring', 'stream', 'string_decoder', 'timers', 'timers/promises', 'url', 'util', 'zlib',
]);

/** Why a built-in outside the allow-list is refused (for the message); anything unlisted gets WHY_LOADER. */
const REFUSED_BECAUSE: Readonly<Record<string, string>> = {
  child_process: WHY_PROCESS, cluster: WHY_PROCESS, inspector: WHY_PROCESS, 'inspector/promises': WHY_PROCESS, os: WHY_PROCESS,
  worker_threads: WHY_WORKER, wasi: 'a lab may not load WebAssembly system interfaces',
  net: WHY_NETWORK, http: WHY_NETWORK, https: WHY_NETWORK, http2: WHY_NETWORK, dgram: WHY_NETWORK, dns: WHY_NETWORK,
  'dns/promises': WHY_NETWORK, tls: WHY_NETWORK, undici: WHY_NETWORK,
};

let refusals: Refusal[] = [];

/** Records a refusal (so one the student's code catches still counts) and returns the error to throw. */
export function refuse(what: string, why: string): RefusedAccess {
  const refusal = { what, why };
  refusals.push(refusal);
  return new RefusedAccess(refusal);
}

/** The refusals since the last call (the parent reports the first one). */
export function takeRefusals(): readonly Refusal[] {
  const taken = refusals;
  refusals = [];
  return taken;
}

/** A permission-model denial (ERR_ACCESS_DENIED) as a refusal, or null for any other error. */
export function refusalOf(thrown: unknown): Refusal | null {
  if (thrown instanceof RefusedAccess) return thrown.refusal;
  const code = thrown instanceof Error ? (thrown as { code?: unknown }).code : undefined;
  // Code built from a string (eval, Function) has no module loader: Node itself refuses its import().
  if (typeof code === 'string' && code.startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) return { what: 'an import() built from a string', why: WHY_LOADER };
  if (!(thrown instanceof Error) || code !== 'ERR_ACCESS_DENIED') return null;
  const { permission, resource } = thrown as { permission?: unknown; resource?: unknown };
  const on = typeof resource === 'string' && resource !== '' ? ` of ${resource}` : '';
  switch (permission) {
    case 'FileSystemWrite': return { what: `writing${on}`, why: 'a lab may not write files' };
    case 'FileSystemRead': return { what: `reading${on}`, why: 'a lab may read only the files in its own folder' };
    case 'ChildProcess': return { what: 'starting a process', why: WHY_PROCESS };
    case 'WorkerThreads': return { what: 'starting a worker thread', why: WHY_WORKER };
    default: return { what: typeof permission === 'string' ? `${permission} access${on}` : 'an access outside the lab', why: WHY_LOADER };
  }
}

type BuiltinLoader = (id: string) => unknown;

/**
 * Installs the guards. `load` is the real loader of built-ins, kept here and nowhere the student's
 * code can reach. Returns the guarded loader the lab's own `require` falls back to.
 */
export function fastenSeatBelt(load: BuiltinLoader): BuiltinLoader {
  const guarded = (id: string): unknown => {
    const name = String(id).replace(/^node:/, '');
    if (!ALLOWED_BUILTINS.has(name)) throw refuse(`Node's "${name}" module`, REFUSED_BECAUSE[name] ?? WHY_LOADER);
    const module = load(name);
    return name === 'fs' || name === 'fs/promises' ? recordingDenials(module as object) : module;
  };
  const replace = (target: object, key: string, value: unknown): void => {
    Object.defineProperty(target, key, { value, configurable: false, writable: false, enumerable: false });
  };
  replace(process, 'getBuiltinModule', guarded);
  replace(process, 'binding', (name: string) => { throw refuse(`process.binding("${String(name)}")`, WHY_LOADER); });
  replace(process, '_linkedBinding', (name: string) => { throw refuse(`process._linkedBinding("${String(name)}")`, WHY_LOADER); });
  replace(process, 'dlopen', () => { throw refuse('loading a native addon', 'a lab may not load native code'); });
  replace(process, 'kill', () => { throw refuse('process.kill', WHY_PROCESS); });
  Object.defineProperty(process, 'mainModule', { get: () => { throw refuse('process.mainModule (the real require)', WHY_LOADER); }, configurable: false });
  for (const name of ['fetch', 'WebSocket', 'EventSource']) {
    replace(globalThis, name, function refused(): never { throw refuse(name, WHY_NETWORK); });
  }
  return guarded;
}

/**
 * fs with every synchronous call watched: a denial the permission model raises is recorded even
 * when the student's code catches it, so a lab cannot pass while quietly trying to write files.
 */
function recordingDenials(module: object): object {
  return new Proxy(module, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return function watched(this: unknown, ...args: unknown[]): unknown {
        try {
          return Reflect.apply(value, this === receiver ? target : this, args);
        } catch (e) {
          const refusal = refusalOf(e);
          if (refusal) refusals.push(refusal);
          throw e;
        }
      };
    },
  });
}

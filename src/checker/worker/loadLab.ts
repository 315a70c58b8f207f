import * as path from 'node:path';
import * as vm from 'node:vm';
import { LAB_TASK_IDS, type LabTaskId } from '../../lesson/labTasks';
import { LAB_ENTRY } from '../labApi';
import type { SourceLocation } from '../location';
import { REFUSED_ACCESS, type CompiledLab, type ExportShape, type ThrownError } from '../workerIpc';
import { refuse, refusalMessage, refusalOf } from './seatBelt';
import { originalPosition } from './sourceMap';

/**
 * Inside the worker: evaluates the compiled lab modules as CommonJS (`vm.compileFunction`, the way
 * Node's own loader wraps a module), with a `require` that knows the lab's own files and hands
 * anything else to `builtin` (the seat belt's allow-list of Node modules). Dynamic `import()` is
 * refused. The child process is the sandbox; vm is used only to give each module its file name.
 */
export function loadLab(lab: CompiledLab, builtin: (id: string) => unknown): Record<string, unknown> {
  const cache = new Map<string, { exports: unknown }>();
  const load = (rel: string): { exports: unknown } => {
    const cached = cache.get(rel);
    if (cached) return cached;
    const module: { exports: unknown } = { exports: {} };
    cache.set(rel, module);
    const filename = path.join(lab.labDir, rel);
    const fn = vm.compileFunction(lab.modules[rel], ['exports', 'require', 'module', '__filename', '__dirname'], { filename, importModuleDynamically: refuseImport });
    const requireLab = (spec: string): unknown => {
      const target = lab.imports[rel]?.[spec];
      if (target !== undefined) return load(target).exports;
      if (/^[./]/.test(spec)) throw new Error(`Cannot find module "${spec}" (imported by ${rel}): a lab may import only its own files.`);
      return builtin(spec);
    };
    fn.call(module.exports, module.exports, requireLab, module, filename, path.dirname(filename));
    return module;
  };
  const exports = load(LAB_ENTRY).exports;
  return typeof exports === 'object' && exports !== null ? (exports as Record<string, unknown>) : {};
}

export function exportShapes(exports: Record<string, unknown>): Record<LabTaskId, ExportShape> {
  const shapes = {} as Record<LabTaskId, ExportShape>;
  for (const id of LAB_TASK_IDS) {
    const v = exports[id];
    shapes[id] = v === undefined ? 'missing' : typeof v === 'function' ? 'function' : 'not-a-function';
  }
  return shapes;
}

/** Dynamic `import()` (also from eval or Function) would reach Node's ES module loader: refused. */
function refuseImport(specifier: string): never {
  throw refuse(`import("${specifier}")`, "a lab may not load modules with import(); import the lab's own files at the top of the file");
}

/** What a thrown value says, and where in the student's .ts files it was thrown. */
export function describeThrown(thrown: unknown, lab: CompiledLab | null): ThrownError {
  const isError = thrown instanceof Error;
  const refusal = refusalOf(thrown);
  let message: string;
  try {
    message = refusal ? refusalMessage(refusal) : isError ? String(thrown.message) : typeof thrown === 'string' ? thrown : `a non-Error value (${String(thrown)})`;
  } catch {
    message = 'an unprintable value';
  }
  let name = 'Error';
  try { name = refusal ? REFUSED_ACCESS : isError ? String(thrown.name) : 'thrown value'; } catch { /* keep the default */ }
  const todo = (isError || typeof thrown === 'string') && message.trimStart().startsWith('TODO');
  let stack = '';
  try { stack = isError && typeof thrown.stack === 'string' ? thrown.stack : ''; } catch { /* no stack */ }
  return { name, message: message.slice(0, 2000), todo, location: lab ? stackLocation(stack, lab) : null };
}

/** The first stack frame in a lab file, mapped back to its TypeScript line and column. */
function stackLocation(stack: string, lab: CompiledLab): SourceLocation | null {
  const frame = /\(?((?:[A-Za-z]:)?[^():\s]+):(\d+):(\d+)\)?$/;
  for (const line of stack.split('\n').slice(1)) {
    const m = frame.exec(line.trim());
    if (!m) continue;
    const rel = path.relative(lab.labDir, m[1]).split(path.sep).join('/');
    if (!(rel in lab.modules)) continue;
    const pos = originalPosition(lab.sourceMaps[rel] ?? '', Number(m[2]), Number(m[3]));
    return { file: rel, line: pos?.line ?? Number(m[2]), column: pos?.column ?? Number(m[3]) };
  }
  return null;
}

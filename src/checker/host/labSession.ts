import type { LabTaskId } from '../../lesson/labTasks';
import type { CallOutcome, CompiledLab, CompileProblem, ExportShape, ThrownError } from '../workerIpc';
import type { ChildRuntime } from './childRuntime';
import { Sandbox } from './sandbox';
import { compilerPathBeside } from './workerPath';

export interface SessionOptions {
  readonly workerPath: string;
  /** Wall-clock budget of loading the lab and of each task. */
  readonly timeoutMs: number;
  readonly memoryLimitMb: number;
  readonly signal?: AbortSignal;
  /** How to start the child process; default: this process's runtime, probed once. */
  readonly runtime?: ChildRuntime;
  /**
   * A compiler process shared by many sessions (grading a class), allowed to read this lab; by
   * default each session starts its own and ends it once the lab is compiled.
   */
  readonly compiler?: Sandbox;
}

/** Compiling is the checker's own code, not the student's: it gets a generous fixed budget. */
const COMPILE_BUDGET_MS = 30_000;
/** TypeScript's own needs, not the student's: a large file parses in far less. */
const COMPILER_MEMORY_MB = 1024;

/** A compiler process (checker-compiler.js, beside the worker) that may read `readableDir`. */
export function compilerSandbox(workerPath: string, readableDir: string, options: { signal?: AbortSignal; runtime?: ChildRuntime } = {}): Sandbox {
  return new Sandbox({ workerPath: compilerPathBeside(workerPath), labDir: readableDir, memoryLimitMb: COMPILER_MEMORY_MB, signal: options.signal, runtime: options.runtime });
}

export type Prepared =
  | { readonly kind: 'ready'; readonly lab: CompiledLab; readonly exports: Readonly<Record<LabTaskId, ExportShape>>; readonly loadMs: number }
  | { readonly kind: 'compileFailed'; readonly problems: readonly CompileProblem[] }
  | { readonly kind: 'loadFailed'; readonly error: ThrownError }
  | { readonly kind: 'loadTimeout' }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'cancelled' };

/**
 * How a run of calls ended, with the outcome of every call that returned or threw. A run that timed
 * out or crashed keeps the outcomes of the calls before: the call that hung or crashed is call
 * number `outcomes.length`.
 */
export type TaskRun =
  | { readonly kind: 'ran'; readonly outcomes: readonly CallOutcome[]; readonly printedBytes: number }
  | { readonly kind: 'timeout'; readonly outcomes: readonly CallOutcome[] }
  | { readonly kind: 'crashed'; readonly message: string; readonly outcomes: readonly CallOutcome[] }
  | { readonly kind: 'cancelled' };

/**
 * One check of one lab: compile and load it in the sandbox, then run tasks one by one. A task that
 * times out or crashes ends its worker; the next task gets a fresh worker that loads the compiled lab
 * again (no recompiling), so a bad task costs only itself.
 */
export class LabSession {
  private readonly sandbox: Sandbox;
  private lab: CompiledLab | null = null;

  constructor(private readonly labDir: string, private readonly options: SessionOptions) {
    this.sandbox = new Sandbox({ workerPath: options.workerPath, labDir, memoryLimitMb: options.memoryLimitMb, signal: options.signal, runtime: options.runtime });
  }

  async prepare(): Promise<Prepared> {
    const compiler = this.options.compiler ?? compilerSandbox(this.options.workerPath, this.labDir, this.options);
    let compiled;
    try {
      compiled = await compiler.request({ kind: 'compile', labDir: this.labDir }, COMPILE_BUDGET_MS);
    } finally {
      if (!this.options.compiler) compiler.dispose();
    }
    if (compiled.kind === 'timeout') return { kind: 'crashed', message: `Compiling took longer than ${COMPILE_BUDGET_MS / 1000} s.` };
    if (compiled.kind !== 'reply') return compiled;
    const reply = compiled.reply;
    if (reply.kind === 'compileFailed') return { kind: 'compileFailed', problems: reply.problems };
    if (reply.kind !== 'compiled') return { kind: 'crashed', message: reply.kind === 'workerFault' ? reply.message : `unexpected ${reply.kind}` };
    this.lab = reply.lab;
    const t0 = performance.now();
    const loaded = await this.load();
    if (loaded.kind !== 'loaded') return loaded;
    return { kind: 'ready', lab: reply.lab, exports: loaded.exports, loadMs: performance.now() - t0 };
  }

  /** Runs `calls` in order (stopping at the first throw) within `budgetMs` (default: the task budget). */
  async run(task: LabTaskId, calls: readonly (readonly unknown[])[], budgetMs = this.options.timeoutMs): Promise<TaskRun> {
    // Starting a fresh worker after an earlier task's hang or crash is ours to pay: the time it
    // takes (long on a busy machine) is added to this task's budget, not taken from it.
    let restartMs = 0;
    if (this.sandbox.fresh) {
      const restart = performance.now();
      const loaded = await this.load();
      restartMs = performance.now() - restart;
      if (loaded.kind === 'loadTimeout') return { kind: 'timeout', outcomes: [] };
      if (loaded.kind === 'loadFailed') return { kind: 'crashed', message: `Loading the lab again threw: ${loaded.error.message}`, outcomes: [] };
      if (loaded.kind === 'crashed') return { ...loaded, outcomes: [] };
      if (loaded.kind !== 'loaded') return loaded;
    }
    const outcomes: CallOutcome[] = [];
    const outcome = await this.sandbox.request({ kind: 'run', task, calls }, budgetMs + restartMs, (progress) => outcomes.push(progress.outcome));
    if (outcome.kind === 'timeout') return { kind: 'timeout', outcomes };
    if (outcome.kind === 'crashed') return { ...outcome, outcomes };
    if (outcome.kind !== 'reply') return outcome;
    const reply = outcome.reply;
    if (reply.kind === 'ran') return { kind: 'ran', outcomes, printedBytes: reply.printedBytes };
    return { kind: 'crashed', message: reply.kind === 'workerFault' ? reply.message : `unexpected ${reply.kind}`, outcomes };
  }

  dispose(): void {
    this.sandbox.dispose();
  }

  private async load(): Promise<
    | { kind: 'loaded'; exports: Readonly<Record<LabTaskId, ExportShape>> }
    | { kind: 'loadFailed'; error: ThrownError } | { kind: 'loadTimeout' } | { kind: 'crashed'; message: string } | { kind: 'cancelled' }
  > {
    if (!this.lab) return { kind: 'crashed', message: 'the lab was not compiled' };
    const outcome = await this.sandbox.request({ kind: 'load', lab: this.lab }, this.options.timeoutMs);
    if (outcome.kind === 'timeout') return { kind: 'loadTimeout' };
    if (outcome.kind !== 'reply') return outcome;
    const reply = outcome.reply;
    if (reply.kind === 'loaded') return { kind: 'loaded', exports: reply.exports };
    if (reply.kind === 'loadFailed') return { kind: 'loadFailed', error: reply.error };
    return { kind: 'crashed', message: reply.kind === 'workerFault' ? reply.message : `unexpected ${reply.kind}` };
  }
}

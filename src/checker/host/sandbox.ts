import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { childFlags, childRuntime, type ChildRuntime } from './childRuntime';
import type { FromWorker, ToWorker } from '../workerIpc';

/** Starting a child (Node, then parsing the bundle with the compiler) is ours to pay, not the student's. */
const STARTUP_BUDGET_MS = 30_000;
/**
 * The heap limit does not cover typed arrays (their memory lives outside the V8 heap), so the
 * child's resident memory is watched too (on Linux, from /proc): more than twice the limit ends it.
 */
const MEMORY_POLL_MS = 50;
/** The tail of the child's stderr kept to explain a crash (V8 prints "heap out of memory" there). */
const STDERR_TAIL = 4096;

/** A message the child sends while it works on a request (not its reply). */
export type Progress = Extract<FromWorker, { kind: 'called' }>;

/** How a request to the child ended. */
export type SandboxOutcome =
  | { readonly kind: 'reply'; readonly reply: Exclude<FromWorker, Progress> }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface SandboxOptions {
  readonly workerPath: string;
  /** The only folder the child may read (besides its own bundle). */
  readonly labDir: string;
  /** V8 heap limit of the child; exceeding it ends only the child. */
  readonly memoryLimitMb: number;
  readonly signal?: AbortSignal;
  /** How to start the child; default: this process's runtime, probed once. */
  readonly runtime?: ChildRuntime;
}

/** One child process and what it said on stderr. */
interface Child {
  readonly process: ChildProcess;
  stderr: string;
}

/**
 * One child process for the student's code, replaced by a fresh one whenever a request times out,
 * crashes (an exception escaping, process.exit, out of memory) or is cancelled. The child runs
 * under Node's permission model with read access to the lab folder only (see childRuntime.ts).
 */
export class Sandbox {
  private child: Child | null = null;

  constructor(private readonly options: SandboxOptions) {}

  /** Whether the next request goes to a new child (one that has not loaded the lab yet). */
  get fresh(): boolean {
    return this.child === null;
  }

  /**
   * Sends one message and waits for the reply within `timeoutMs`. A new child first has to start
   * (parse the bundle): that wait has its own generous budget, so a busy machine does not eat the
   * student's time.
   */
  async request(message: ToWorker, timeoutMs: number, onProgress?: (progress: Progress) => void): Promise<SandboxOutcome> {
    if (this.options.signal?.aborted) return { kind: 'cancelled' };
    if (!this.child) {
      const child = await this.spawn();
      const started = await this.exchange(child, null, STARTUP_BUDGET_MS);
      if (started.kind !== 'reply') {
        return started.kind === 'timeout' ? { kind: 'crashed', message: `The checker's worker did not start within ${STARTUP_BUDGET_MS / 1000} s.` } : started;
      }
    }
    if (!this.child) return { kind: 'crashed', message: "The checker's worker stopped before it could run anything." };
    return this.exchange(this.child, message, timeoutMs, onProgress);
  }

  /**
   * Sends `message` (or nothing: just waits for the next message) and settles on the first reply,
   * exit, timeout or cancellation; progress messages on the way go to `onProgress`.
   */
  private exchange(child: Child, message: ToWorker | null, timeoutMs: number, onProgress?: (progress: Progress) => void): Promise<SandboxOutcome> {
    const proc = child.process;
    return new Promise<SandboxOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SandboxOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        proc.off('message', onMessage);
        proc.off('exit', onExit);
        this.options.signal?.removeEventListener('abort', onAbort);
        if (kill) this.discard(child);
        resolve(outcome);
      };
      const onMessage = (reply: FromWorker): void => {
        if (reply.kind === 'called') onProgress?.(reply);
        else finish({ kind: 'reply', reply }, false);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void => finish({ kind: 'crashed', message: exitMessage(code, signal, child.stderr) }, true);
      const onAbort = (): void => finish({ kind: 'cancelled' }, true);
      const timer = setTimeout(() => finish({ kind: 'timeout' }, true), timeoutMs);
      const ceiling = 2 * this.options.memoryLimitMb * 1024 * 1024;
      const poll = setInterval(() => {
        if (residentBytes(proc.pid) > ceiling) finish({ kind: 'crashed', message: OUT_OF_MEMORY }, true);
      }, MEMORY_POLL_MS);
      proc.on('message', onMessage);
      proc.on('exit', onExit);
      this.options.signal?.addEventListener('abort', onAbort);
      if (message) proc.send(message, (e) => { if (e) finish({ kind: 'crashed', message: `The checker could not reach its worker: ${e.message}.` }, true); });
    });
  }

  dispose(): void {
    if (this.child) this.discard(this.child);
  }

  private async spawn(): Promise<Child> {
    const runtime = this.options.runtime ?? await childRuntime();
    const proc = fork(this.options.workerPath, [], {
      execPath: runtime.execPath,
      execArgv: childFlags(runtime, this.options.labDir, this.options.workerPath, this.options.memoryLimitMb),
      env: runtime.env,
      cwd: this.options.labDir,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const child: Child = { process: proc, stderr: '' };
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => { child.stderr = (child.stderr + chunk).slice(-STDERR_TAIL); });
    // Between requests nobody listens; an error then must not become an uncaught exception here.
    proc.on('error', () => undefined);
    proc.once('exit', () => { if (this.child === child) this.child = null; });
    this.child = child;
    return child;
  }

  private discard(child: Child): void {
    if (this.child === child) this.child = null;
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
  }
}

const OUT_OF_MEMORY = 'It ran out of memory (the checker allows a limited amount): look for arrays that grow in a loop that never ends.';

function exitMessage(code: number | null, signal: NodeJS.Signals | null, stderr: string): string {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return OUT_OF_MEMORY;
  if (code !== null) return `It ended the checker's worker with exit code ${code}: the lab must not call process.exit.`;
  return `It crashed the checker's worker (signal ${signal ?? 'unknown'}).`;
}

/** Resident memory of a process in bytes, from /proc on Linux; 0 (no watch) where that is not available. */
function residentBytes(pid: number | undefined): number {
  if (pid === undefined || process.platform !== 'linux') return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'ascii'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';

/** Starting a worker (parsing the bundle with the compiler) is ours to pay, not the student's. */
const STARTUP_BUDGET_MS = 30_000;
/**
 * The heap limit does not cover typed arrays (their memory lives outside the V8 heap), so the
 * process's resident memory is watched too: growing by more than twice the limit ends the worker.
 */
const MEMORY_POLL_MS = 50;

/** How a request to the worker ended. */
export type SandboxOutcome =
  | { readonly kind: 'reply'; readonly reply: FromWorker }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crashed'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface SandboxOptions {
  readonly workerPath: string;
  /** V8 heap limit of the worker; exceeding it ends only the worker. */
  readonly memoryLimitMb: number;
  readonly signal?: AbortSignal;
}

/**
 * One worker thread for the student's code, replaced by a fresh one whenever a request times out,
 * crashes (an exception escaping, process.exit, out of memory) or is cancelled. The student's
 * output streams are drained and dropped here (the worker counts them).
 */
export class Sandbox {
  private worker: Worker | null = null;

  constructor(private readonly options: SandboxOptions) {}

  /** Whether the next request goes to a new worker (one that has not loaded the lab yet). */
  get fresh(): boolean {
    return this.worker === null;
  }

  /**
   * Sends one message and waits for the reply within `timeoutMs`. A new worker first has to start
   * (parse the bundle): that wait has its own generous budget, so a busy machine does not eat the
   * student's time.
   */
  async request(message: ToWorker, timeoutMs: number): Promise<SandboxOutcome> {
    if (this.options.signal?.aborted) return { kind: 'cancelled' };
    if (!this.worker) {
      const worker = this.spawn();
      const started = await this.exchange(worker, null, STARTUP_BUDGET_MS);
      if (started.kind !== 'reply') {
        return started.kind === 'timeout' ? { kind: 'crashed', message: `The checker's worker did not start within ${STARTUP_BUDGET_MS / 1000} s.` } : started;
      }
    }
    if (!this.worker) return { kind: 'crashed', message: "The checker's worker stopped before it could run anything." };
    return this.exchange(this.worker, message, timeoutMs);
  }

  /** Posts `message` (or nothing: just waits for the next message) and settles on the first event. */
  private exchange(worker: Worker, message: ToWorker | null, timeoutMs: number): Promise<SandboxOutcome> {
    return new Promise<SandboxOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SandboxOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(poll);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        this.options.signal?.removeEventListener('abort', onAbort);
        if (kill) this.discard(worker);
        resolve(outcome);
      };
      const onMessage = (reply: FromWorker): void => finish({ kind: 'reply', reply }, false);
      const onError = (e: Error): void => finish({ kind: 'crashed', message: crashMessage(e) }, true);
      const onExit = (code: number): void => finish({ kind: 'crashed', message: `It ended the checker's worker with exit code ${code}: the lab must not call process.exit.` }, true);
      const onAbort = (): void => finish({ kind: 'cancelled' }, true);
      const timer = setTimeout(() => finish({ kind: 'timeout' }, true), timeoutMs);
      const baseline = process.memoryUsage.rss();
      const ceiling = 2 * this.options.memoryLimitMb * 1024 * 1024;
      const poll = setInterval(() => {
        if (process.memoryUsage.rss() - baseline > ceiling) finish({ kind: 'crashed', message: OUT_OF_MEMORY }, true);
      }, MEMORY_POLL_MS);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      this.options.signal?.addEventListener('abort', onAbort);
      if (message) worker.postMessage(message);
    });
  }

  dispose(): void {
    if (this.worker) this.discard(this.worker);
  }

  private spawn(): Worker {
    const worker = new Worker(this.options.workerPath, {
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    worker.stdout.resume();
    worker.stderr.resume();
    // Between requests nobody listens; an error then must not become an uncaught exception here.
    worker.on('error', () => undefined);
    worker.once('exit', () => { if (this.worker === worker) this.worker = null; });
    this.worker = worker;
    return worker;
  }

  private discard(worker: Worker): void {
    if (this.worker === worker) this.worker = null;
    void worker.terminate().catch(() => undefined);
  }
}

const OUT_OF_MEMORY = 'It ran out of memory (the checker allows a limited amount): look for arrays that grow in a loop that never ends.';

function crashMessage(e: Error): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return OUT_OF_MEMORY;
  return `It crashed the checker's worker: ${e.message.replace(/\.$/, '')}.`;
}

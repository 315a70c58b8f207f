import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './protocol';

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

  request(message: ToWorker, timeoutMs: number): Promise<SandboxOutcome> {
    if (this.options.signal?.aborted) return Promise.resolve({ kind: 'cancelled' });
    const worker = this.worker ?? this.spawn();
    return new Promise<SandboxOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: SandboxOutcome, kill: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
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
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      this.options.signal?.addEventListener('abort', onAbort);
      worker.postMessage(message);
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

function crashMessage(e: Error): string {
  const code = (e as { code?: unknown }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') return 'It ran out of memory (the checker allows a limited heap): look for arrays that grow in a loop that never ends.';
  return `It crashed the checker's worker: ${e.message.replace(/\.$/, '')}.`;
}

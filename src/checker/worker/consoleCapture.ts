/**
 * Inside the worker: the student's console.log and process.stdout writes go into a small capped
 * buffer instead of the checker's own output, so 20 MB of printing neither floods the report
 * nor the extension host. Only the total size is kept (to mention it in messages).
 */
export interface PrintCounter { readonly bytes: () => number }

export function captureConsole(): PrintCounter {
  let bytes = 0;
  const count = (...args: unknown[]): void => {
    for (const a of args) bytes += typeof a === 'string' ? a.length : 16;
  };
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
  for (const m of methods) (console as unknown as Record<string, unknown>)[m] = count;
  const write = (chunk: unknown): boolean => {
    bytes += typeof chunk === 'string' ? chunk.length : chunk instanceof Uint8Array ? chunk.byteLength : 16;
    return true;
  };
  for (const stream of [process.stdout, process.stderr]) {
    Object.defineProperty(stream, 'write', { value: write, configurable: true, writable: true });
  }
  return { bytes: () => bytes };
}

import * as path from 'node:path';

/**
 * The bundled worker sits next to dist/extension.js and dist/cli.js, so both find it the same way.
 * Tests (bundled elsewhere) pass their own path.
 */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'checker-worker.js');
}

/** The compiler's bundle always sits beside the worker's. */
export function compilerPathBeside(workerPath: string): string {
  return path.join(path.dirname(workerPath), 'checker-compiler.js');
}

import * as path from 'node:path';

/**
 * The bundled worker sits next to dist/extension.js and dist/cli.js, so both find it the same way.
 * Tests (bundled elsewhere) pass their own path.
 */
export function defaultWorkerPath(): string {
  return path.join(__dirname, 'checker-worker.js');
}

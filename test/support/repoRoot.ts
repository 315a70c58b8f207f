import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root. Tests run from bundles under out/, so walk up from here to package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

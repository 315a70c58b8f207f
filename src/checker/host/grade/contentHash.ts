import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A fingerprint of a lab folder: every file's relative path and bytes (node_modules and dot
 * folders aside), plus whatever else decides the grade (`salt`: the checker's version and
 * budget). Equal fingerprints mean the earlier grade still holds.
 */
export function contentHash(labDir: string, salt: string): string {
  const hash = createHash('sha256').update(salt).update('\0');
  for (const rel of filesUnder(labDir, '')) {
    hash.update(rel).update('\0').update(readFileSync(path.join(labDir, rel))).update('\0');
  }
  return hash.digest('hex');
}

function filesUnder(root: string, rel: string): string[] {
  const files: string[] = [];
  const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) files.push(...filesUnder(root, child));
    else if (e.isFile()) files.push(child);
  }
  return files;
}

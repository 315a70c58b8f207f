import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { LAB_ENTRY } from '../../labApi';

/** One student's lab inside the submissions folder. */
export interface Submission {
  /** The immediate subfolder's name: the student (or their repository). */
  readonly name: string;
  /** The folder holding rnn.ts, somewhere inside that subfolder. */
  readonly labDir: string;
}

/** Folders a downloaded repository may hold that are never the lab. */
const SKIPPED = new Set(['node_modules', '.git', '.github']);

/**
 * Every immediate subfolder of `submissionsDir` with an rnn.ts anywhere inside it (the shallowest
 * one wins), sorted by name. A GitHub Classroom download (one repository per student) works as is.
 */
export function findSubmissions(submissionsDir: string): Submission[] {
  const found: Submission[] = [];
  for (const entry of readdirSync(submissionsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const labDir = shallowestLab(path.join(submissionsDir, entry.name));
    if (labDir) found.push({ name: entry.name, labDir });
  }
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Breadth-first, so `student/rnn.ts` wins over `student/old/rnn.ts`. */
function shallowestLab(root: string): string | null {
  let level = [root];
  while (level.length > 0) {
    const next: string[] = [];
    for (const dir of level) {
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (entries.some((e) => e.isFile() && e.name === LAB_ENTRY)) return dir;
      for (const e of entries) if (e.isDirectory() && !SKIPPED.has(e.name) && !e.name.startsWith('.')) next.push(path.join(dir, e.name));
    }
    level = next.sort();
  }
  return null;
}

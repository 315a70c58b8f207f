import { Buffer } from 'node:buffer';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, readSync, writeFileSync } from 'node:fs';

/**
 * Copies a lab folder into a fresh private folder, regular files only, so that only the copy is
 * compiled and run. Entries are found with `lstat` and opened with O_NOFOLLOW (a symbolic link is
 * never followed: it is reported as what it is); names stay bytes (Buffer paths), so a name that is
 * not valid UTF-8 is copied, not thrown on; the total size, the file count and the depth are capped.
 * Not covered: a folder swapped for a link while the copy runs (Node has no openat); copy before
 * any student code runs.
 */

export interface LabCopyLimits {
  readonly maxTotalBytes: number;
  readonly maxFiles: number;
  readonly maxDepth: number;
}

export const DEFAULT_LAB_COPY_LIMITS: LabCopyLimits = { maxTotalBytes: 8 * 1024 * 1024, maxFiles: 500, maxDepth: 16 };

/** Folders a lab never needs (they can be large): not copied, and listed as skipped. */
const EXCLUDED_FOLDERS = new Set(['node_modules', '.git']);

export type SkipReason = 'symbolic-link' | 'not-a-regular-file' | 'excluded-folder' | 'too-deep' | 'too-many-files' | 'too-large-total' | 'unreadable';

export interface SkippedEntry {
  /** The lab-relative path, as bytes (exact) and as text for people (invalid UTF-8 shown as U+FFFD). */
  readonly path: Buffer;
  readonly shown: string;
  readonly reason: SkipReason;
  /** For people, e.g. "rnn.ts is a symbolic link to ../alice/rnn.ts; the checker copies only regular files". */
  readonly message: string;
}

export interface LabCopyResult {
  readonly copiedFiles: number;
  readonly copiedBytes: number;
  readonly skipped: readonly SkippedEntry[];
}

const SEP = Buffer.from('/');

/** Copies `labDir` into `destDir` (created; must not exist). Never throws for what it finds inside the lab. */
export function copyLabRegularFiles(labDir: string | Buffer, destDir: string | Buffer, limits: LabCopyLimits = DEFAULT_LAB_COPY_LIMITS): LabCopyResult {
  const source = Buffer.from(labDir);
  const dest = Buffer.from(destDir);
  mkdirSync(dest, { mode: 0o755 });
  const skipped: SkippedEntry[] = [];
  let copiedFiles = 0;
  let copiedBytes = 0;
  const skip = (rel: Buffer, reason: SkipReason, what: string): void => {
    const shown = rel.toString('utf8');
    skipped.push({ path: rel, shown, reason, message: `${shown} ${what}` });
  };

  const walk = (rel: Buffer, depth: number): void => {
    let names: Buffer[];
    try {
      names = readdirSync(join(source, rel), { encoding: 'buffer' }).sort(Buffer.compare);
    } catch {
      skip(rel, 'unreadable', 'could not be listed');
      return;
    }
    for (const name of names) {
      const childRel = rel.length === 0 ? name : join(rel, name);
      const from = join(source, childRel);
      let stat;
      try {
        stat = lstatSync(from);
      } catch {
        skip(childRel, 'unreadable', 'could not be read');
        continue;
      }
      if (stat.isSymbolicLink()) {
        let target = '?';
        try { target = readlinkSync(from, { encoding: 'buffer' }).toString('utf8'); } catch { /* shown as ? */ }
        skip(childRel, 'symbolic-link', `is a symbolic link to ${target}; the checker copies only regular files`);
      } else if (stat.isDirectory()) {
        if (EXCLUDED_FOLDERS.has(name.toString('latin1'))) skip(childRel, 'excluded-folder', 'is not copied (a lab does not need it)');
        else if (depth >= limits.maxDepth) skip(childRel, 'too-deep', `is more than ${limits.maxDepth} folders deep`);
        else {
          mkdirSync(join(dest, childRel), { mode: 0o755 });
          walk(childRel, depth + 1);
        }
      } else if (!stat.isFile()) {
        skip(childRel, 'not-a-regular-file', 'is not a regular file (a device, pipe or socket); the checker copies only regular files');
      } else if (copiedFiles >= limits.maxFiles) {
        skip(childRel, 'too-many-files', `was not copied: a lab may have at most ${limits.maxFiles} files`);
      } else {
        const room = limits.maxTotalBytes - copiedBytes;
        const bytes = readRegularFile(from, room);
        if (bytes === 'not-regular') skip(childRel, 'not-a-regular-file', 'changed into something other than a regular file while being copied');
        else if (bytes === 'too-large') skip(childRel, 'too-large-total', `was not copied: a lab's files may total at most ${limits.maxTotalBytes} bytes`);
        else if (bytes === 'unreadable') skip(childRel, 'unreadable', 'could not be read');
        else {
          writeFileSync(join(dest, childRel), bytes, { mode: 0o644, flag: 'wx' });
          copiedFiles++;
          copiedBytes += bytes.length;
        }
      }
    }
  };
  walk(Buffer.alloc(0), 0);
  return { copiedFiles, copiedBytes, skipped };
}

/** Reads a file without following a link or blocking on a pipe, and at most `room` bytes (a growing file is refused). */
function readRegularFile(path: Buffer, room: number): Buffer | 'not-regular' | 'too-large' | 'unreadable' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return 'unreadable';
  }
  try {
    if (!fstatSync(fd).isFile()) return 'not-regular';
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > room) return 'too-large';
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch {
    return 'unreadable';
  } finally {
    closeSync(fd);
  }
}

function join(a: Buffer, b: Buffer): Buffer {
  return Buffer.concat([a, SEP, b]);
}

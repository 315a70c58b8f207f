import { createHash } from 'node:crypto';

/**
 * Making untrusted text safe for the checker's outputs: every string capped with a visible marker,
 * XML escaped fully, CSV cells that can never be formulas, and JUnit file names that are unique and
 * safe on every file system whatever a submission is called.
 */

/** Caps `text` at `maxChars` UTF-16 units, marker included (never splitting a surrogate pair). */
export function capString(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const marker = (dropped: number): string => `… [${dropped} more characters cut]`;
  let keep = Math.max(0, maxChars - marker(text.length).length);
  const code = text.charCodeAt(keep - 1);
  if (keep > 0 && code >= 0xd800 && code <= 0xdbff) keep--;
  return text.slice(0, keep) + marker(text.length - keep);
}

/** A capped string for any value, without calling anything the value defines (no toString, no getters). */
export function textOf(value: unknown, maxChars: number): string {
  if (typeof value === 'string') return capString(value, maxChars);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || value === null || value === undefined) {
    return capString(String(value), maxChars);
  }
  return `(a ${typeof value})`;
}

/**
 * Escapes text for an XML 1.0 attribute value or element content. Characters XML 1.0 does not allow
 * at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be written even as references, so
 * they appear as visible `\uXXXX`; tab, newline and CR are references so attributes keep them.
 */
export function escapeXml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
        continue;
      }
    }
    const ch = text[i];
    if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '"') out += '&quot;';
    else if (ch === "'") out += '&apos;';
    else if (c === 0x9 || c === 0xa || c === 0xd) out += `&#${c};`;
    else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** Characters that make a spreadsheet read a cell as a formula when they lead it (OWASP's list, plus full-width forms). */
const FORMULA_LEAD = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One text cell of an RFC 4180 CSV row that no spreadsheet runs as a formula: a risky first character
 * gets a leading apostrophe, and a cell with a comma, quote or line break is quoted.
 * For text only: numbers are written as numbers by the caller.
 */
export function csvCell(text: string): string {
  const safe = FORMULA_LEAD.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_STEM = 80;

/**
 * A JUnit file name for each submission name (same order): only `A-Za-z0-9._-`, no leading dot, no
 * Windows device name, at most 80 characters before `.xml`, and unique even on a case-insensitive
 * file system. A name that had to change gets a short hash of its exact bytes, so the result does not
 * depend on the order of the class; the rare remaining clash gets `-2`, `-3` in the order of the input.
 */
export function junitFileNames(names: readonly (string | Uint8Array)[]): string[] {
  const stems = names.map((name) => {
    const text = typeof name === 'string' ? name : Buffer.from(name).toString('latin1');
    let stem = text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_').slice(0, MAX_STEM);
    if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
    return { stem, changed: stem !== text, hash: bytesHash(name) };
  });
  const count = new Map<string, number>();
  for (const s of stems) count.set(s.stem.toLowerCase(), (count.get(s.stem.toLowerCase()) ?? 0) + 1);
  const taken = new Set<string>();
  return stems.map((s) => {
    let stem = s.changed || (count.get(s.stem.toLowerCase()) ?? 0) > 1 ? `${s.stem}-${s.hash}` : s.stem;
    for (let n = 2; taken.has(stem.toLowerCase()); n++) stem = `${s.stem}-${s.hash}-${n}`;
    taken.add(stem.toLowerCase());
    return `${stem}.xml`;
  });
}

function bytesHash(name: string | Uint8Array): string {
  const bytes = typeof name === 'string' ? Buffer.from(name, 'utf16le') : Buffer.from(name);
  return createHash('sha256').update(typeof name === 'string' ? 's' : 'b').update(bytes).digest('hex').slice(0, 8);
}

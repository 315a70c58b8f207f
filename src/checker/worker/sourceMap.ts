/**
 * Just enough of source maps (v3) to turn a line:column of the compiled JavaScript back into the
 * student's TypeScript line:column, so a thrown error points at the line they wrote.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

interface Segment { readonly genCol: number; readonly srcLine: number; readonly srcCol: number }

/** Maps a 1-based generated line/column to a 1-based original line/column, or null. */
export function originalPosition(mapJson: string, line: number, column: number): { line: number; column: number } | null {
  let mappings: string;
  try {
    const parsed: unknown = JSON.parse(mapJson);
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { mappings?: unknown }).mappings !== 'string') return null;
    mappings = (parsed as { mappings: string }).mappings;
  } catch {
    return null;
  }
  const lines = decode(mappings);
  const segments = lines[line - 1];
  if (!segments || segments.length === 0) return null;
  // The last segment that starts at or before the column; the first one when the column is earlier.
  let best = segments[0];
  for (const s of segments) if (s.genCol <= column - 1) best = s;
  return { line: best.srcLine + 1, column: best.srcCol + 1 };
}

function decode(mappings: string): Segment[][] {
  const out: Segment[][] = [];
  let srcLine = 0, srcCol = 0, source = 0;
  for (const lineText of mappings.split(';')) {
    const segments: Segment[] = [];
    let genCol = 0;
    for (const segText of lineText.split(',')) {
      if (segText === '') continue;
      const v = vlq(segText);
      genCol += v[0];
      if (v.length >= 4) {
        source += v[1];
        srcLine += v[2];
        srcCol += v[3];
        segments.push({ genCol, srcLine, srcCol });
      }
    }
    out.push(segments);
  }
  void source; // one source per map: the index is decoded only to keep the state right
  return out;
}

function vlq(text: string): number[] {
  const values: number[] = [];
  let value = 0, shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    if (digit < 0) break;
    value += (digit & 31) << shift;
    if (digit & 32) { shift += 5; continue; }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0; shift = 0;
  }
  return values;
}

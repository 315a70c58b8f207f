/** A place in the student's lab: `file` relative to the lab folder (forward slashes), 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function formatLocation(loc: SourceLocation | null): string {
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : '';
}

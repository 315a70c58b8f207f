/**
 * A correct lab's rnn.ts with an endless loop at the start of trainStep, everything else unchanged:
 * a lab with exactly one hanging task (no other task calls trainStep, unlike bptt, which trainStep calls).
 */
export function withHangingTrainStep(source: string): string {
  // The body's brace ends the signature's line (a return type may have braces of its own).
  const start = /export function trainStep\b[^\n]*\{[ \t]*\r?\n/.exec(source);
  if (!start) throw new Error('could not find the line "export function trainStep(…) {" in the correct lab to make the hanging one');
  const at = start.index + start[0].length;
  return `${source.slice(0, at)}  for (;;) { /* the benchmark's hanging task */ }\n${source.slice(at)}`;
}

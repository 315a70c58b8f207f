/*
 * Whether the student plot may run the student's bptt. Pure (no vscode import), so the rule is
 * unit-tested directly: trust is checked first, before anything looks for or touches the lab.
 */

export const UNTRUSTED_REASON =
  'Your bptt is not run in an untrusted workspace, so only the engine\'s curve is shown. ' +
  'To compare your own gradients, trust this folder (Workspaces: Manage Workspace Trust); the plot updates at once.';

export const NO_LAB_REASON =
  'No lab folder with an rnn.ts was found, so only the engine\'s curve is shown. ' +
  'Run RNN Lab: Scaffold Lab Files, implement bptt, then RNN Lab: Check Lab.';

export type StudentRunDecision =
  | { readonly run: true; readonly labDir: string }
  | { readonly run: false; readonly reason: string };

/** The reason the student's code must not run whatever the lab, or null (the workspace is trusted). */
export function untrustedReason(trusted: boolean): string | null {
  return trusted ? null : UNTRUSTED_REASON;
}

/** Run the student's code in `labDir`, or say why not. */
export function studentRunDecision(trusted: boolean, labDir: string | undefined): StudentRunDecision {
  const blocked = untrustedReason(trusted);
  if (blocked !== null) return { run: false, reason: blocked };
  if (!labDir) return { run: false, reason: NO_LAB_REASON };
  return { run: true, labDir };
}

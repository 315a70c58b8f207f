import * as vscode from 'vscode';
import { CONCEPT_CHECKS, conceptCheckById, type ConceptCheck } from '../../lesson';
import type { Clock } from './clock';
import type { ConceptCheckStore } from './conceptCheckStore';
import type { LessonNode } from './lessonNodes';

/**
 * Optional arguments of `rnnLab.conceptCheck`, so scripts and tests can skip the pickers:
 * `checkId` is a check id or `'next'` (the next unanswered one); `answerIndex` is the chosen
 * choice (0-based). Without them the command asks with QuickPicks.
 */
export interface ConceptCheckArgs {
  readonly checkId?: string;
  readonly answerIndex?: number;
}

/** What the command returns once an answer is recorded. */
export interface ConceptCheckOutcome {
  readonly checkId: string;
  readonly answerIndex: number;
  readonly correct: boolean;
  readonly answer: string;
  readonly explanation: string;
}

export interface ConceptCheckDeps {
  readonly store: ConceptCheckStore;
  readonly clock: () => Clock;
  /** Reveals the answer (opens the check's document, now showing answer and explanation). */
  readonly reveal: (check: ConceptCheck) => Promise<unknown>;
}

export async function runConceptCheck(deps: ConceptCheckDeps, arg?: ConceptCheckArgs | LessonNode): Promise<ConceptCheckOutcome | undefined> {
  const args = toArgs(arg);
  const check = args.checkId !== undefined ? resolveCheck(deps.store, args.checkId) : await pickCheck(deps.store);
  if (!check) return undefined;

  let answerIndex = args.answerIndex;
  if (answerIndex !== undefined && !(Number.isInteger(answerIndex) && answerIndex >= 0 && answerIndex < check.choices.length)) {
    void vscode.window.showErrorMessage(
      `RNN Lab: answerIndex ${String(answerIndex)} is not a choice of concept check "${check.id}": use 0 to ${check.choices.length - 1}.`);
    return undefined;
  }
  answerIndex ??= await pickAnswer(check);
  if (answerIndex === undefined) return undefined;

  const result = await deps.store.record(check, answerIndex, deps.clock().now());
  await deps.reveal(check);
  // The answer text already opens with the right choice's gist ("False. …"): say it once.
  const verdict = result.correct ? 'Correct.' : 'Not quite. The answer:';
  // Not awaited: the toast must not block the flow (or a test driving it).
  void vscode.window.showInformationMessage(`Concept check: ${verdict} ${check.answer}`);
  return { checkId: check.id, answerIndex, correct: result.correct, answer: check.answer, explanation: check.explanation };
}

function toArgs(arg: ConceptCheckArgs | LessonNode | undefined): ConceptCheckArgs {
  if (!arg || typeof arg !== 'object') return {};
  if ('kind' in arg) return arg.kind === 'check' ? { checkId: arg.check.id } : {};
  return arg;
}

function resolveCheck(store: ConceptCheckStore, checkId: string): ConceptCheck | undefined {
  if (checkId === 'next') {
    const next = store.nextUnanswered();
    if (!next) void vscode.window.showInformationMessage('RNN Lab: every concept check is answered. Run RNN Lab: Concept Check… and pick one to try it again.');
    return next;
  }
  const check = conceptCheckById(checkId);
  if (!check) {
    void vscode.window.showErrorMessage(
      `RNN Lab: there is no concept check "${checkId}". Use one of: next, ${CONCEPT_CHECKS.map((c) => c.id).join(', ')}.`);
  }
  return check;
}

interface CheckPick extends vscode.QuickPickItem {
  readonly check: ConceptCheck | undefined;
}

async function pickCheck(store: ConceptCheckStore): Promise<ConceptCheck | undefined> {
  const next = store.nextUnanswered();
  const items: CheckPick[] = [
    {
      label: '$(arrow-right) Next unanswered',
      description: next ? next.prompt : 'all answered',
      check: next,
    },
    { label: 'All checks', kind: vscode.QuickPickItemKind.Separator, check: undefined },
    ...CONCEPT_CHECKS.map((c): CheckPick => {
      const result = store.get(c.id);
      return {
        label: `${result ? (result.correct ? '$(pass)' : '$(error)') : '$(question)'} ${c.prompt}`,
        description: c.kind === 'misconception' ? 'misconception · true or false' : c.kind === 'commitFirst' ? 'commit first' : undefined,
        detail: result ? (result.correct ? 'answered · correct' : 'answered · not quite') : 'not answered',
        check: c,
      };
    }),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'RNN Lab: Concept Check',
    placeHolder: 'Pick a check (answer first, then the answer is revealed)',
    // A focus change (a view or panel taking focus late, on a busy machine) must not dismiss it.
    ignoreFocusOut: true,
  });
  if (picked && !picked.check) {
    void vscode.window.showInformationMessage('RNN Lab: every concept check is answered. Pick one from the list to try it again.');
  }
  return picked?.check;
}

async function pickAnswer(check: ConceptCheck): Promise<number | undefined> {
  const items = check.choices.map((choice, index) => ({ label: choice, index }));
  const picked = await vscode.window.showQuickPick(items, {
    title: check.prompt,
    placeHolder: 'Your answer: choose before the answer is revealed',
    ignoreFocusOut: true,
  });
  return picked?.index;
}

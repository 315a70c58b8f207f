import * as vscode from 'vscode';
import { CONCEPT_CHECKS, type ConceptCheck } from '../../lesson';
import type { CheckResult } from './lessonState';

const KEY = 'rnnLab.conceptChecks';

/** The student's concept-check answers, remembered per workspace. */
export class ConceptCheckStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  get(checkId: string): CheckResult | undefined {
    return this.all()[checkId];
  }

  /** The first check (in lesson order) without an answer. */
  nextUnanswered(): ConceptCheck | undefined {
    const results = this.all();
    return CONCEPT_CHECKS.find((c) => !results[c.id]);
  }

  async record(check: ConceptCheck, answerIndex: number, nowMs: number): Promise<CheckResult> {
    const result: CheckResult = { answerIndex, correct: answerIndex === check.correctIndex, answeredAtMs: nowMs };
    await this.memento.update(KEY, { ...this.all(), [check.id]: result });
    this.changed.fire();
    return result;
  }

  async clear(): Promise<void> {
    await this.memento.update(KEY, undefined);
    this.changed.fire();
  }

  private all(): Record<string, CheckResult> {
    return this.memento.get<Record<string, CheckResult>>(KEY) ?? {};
  }

  dispose(): void {
    this.changed.dispose();
  }
}

import { HINT_CODES, type HintCode } from '../../../lesson/hintCodes';
import { LAB_TASK_IDS, type LabTaskId } from '../../../lesson/labTasks';
import type { CheckReport, TaskStatus } from '../../report';

/** One graded submission: the checker's report, or why there is none. */
export type GradedSubmission =
  | { readonly name: string; readonly report: CheckReport; readonly hash: string }
  | { readonly name: string; readonly error: string; readonly hash: string };

export type TaskCounts = Record<TaskStatus, number>;

export interface GradeSummary {
  readonly count: number;
  /** How many submissions pass every task. */
  readonly allPassed: number;
  readonly perTask: Readonly<Record<LabTaskId, TaskCounts>>;
  /** How often each hint code was given, over all submissions and tasks (codes never given are left out). */
  readonly hints: Readonly<Partial<Record<HintCode, number>>>;
}

/** The `--json` gradebook of `rnn-lab grade`. `hash` lets a re-run skip unchanged submissions. */
export interface Gradebook {
  readonly submissions: readonly GradedSubmission[];
  readonly summary: GradeSummary;
}

const STATUSES: readonly TaskStatus[] = ['pass', 'fail', 'error', 'timeout', 'todo'];

export function summarise(submissions: readonly GradedSubmission[]): GradeSummary {
  const perTask = Object.fromEntries(LAB_TASK_IDS.map((id) => [id, Object.fromEntries(STATUSES.map((s) => [s, 0])) as TaskCounts])) as Record<LabTaskId, TaskCounts>;
  const hints: Partial<Record<HintCode, number>> = {};
  let allPassed = 0;
  for (const s of submissions) {
    if (!('report' in s)) continue;
    if (s.report.passed === s.report.total) allPassed++;
    for (const t of s.report.tasks) {
      perTask[t.id][t.status]++;
      if (t.hint) hints[t.hint] = (hints[t.hint] ?? 0) + 1;
    }
  }
  const orderedHints = Object.fromEntries(HINT_CODES.filter((c) => hints[c] !== undefined).map((c) => [c, hints[c]]));
  return { count: submissions.length, allPassed, perTask, hints: orderedHints };
}

/** `submission,rnnStep,forward,bptt,clipGradNorm,trainStep,passed,hints`; a submission with no report has empty statuses. */
export function formatCsv(gradebook: Gradebook): string {
  const rows = [['submission', ...LAB_TASK_IDS, 'passed', 'hints']];
  for (const s of gradebook.submissions) {
    if ('report' in s) {
      const status = (id: LabTaskId): string => s.report.tasks.find((t) => t.id === id)?.status ?? '';
      const hints = s.report.tasks.filter((t) => t.hint).map((t) => `${t.id}:${t.hint}`).join(';');
      rows.push([s.name, ...LAB_TASK_IDS.map(status), String(s.report.passed), hints]);
    } else {
      rows.push([s.name, ...LAB_TASK_IDS.map(() => ''), '0', '']);
    }
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A file name for a submission's JUnit report that is safe on every file system. */
export function junitFileName(name: string): string {
  return `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.xml`;
}

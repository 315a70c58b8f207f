import type { HintCode } from '../../../lesson/hintCodes';
import { HINT_DESCRIPTIONS } from '../../../lesson/hintCodes';
import { LAB_TASK_IDS, type LabTaskId } from '../../../lesson/labTasks';
import { MISCONCEPTION } from '../../../lesson/misconception';
import { PITFALLS } from '../../../lesson/pitfalls';
import type { ClassMistake, ClassStudent, ClassTaskRate, ClassTaskStatus, ClassViewData } from '../../../protocol/classView';
import type { Gradebook } from './gradebook';

/**
 * The lesson's misconception ("a separate set of weights for each time step") shows in the lab as
 * a shared weight's gradient that is not summed over the steps: that hint is its symptom.
 */
const MISCONCEPTION_SYMPTOMS: readonly HintCode[] = ['weights-not-shared'];

/** A gradebook as the class view draws it: per student, per task, and the most common mistakes. */
export function classSummary(gradebook: Gradebook, folder: string, seatBelt: string): ClassViewData {
  const students: ClassStudent[] = gradebook.submissions.map((s) => {
    if (!('report' in s)) return { name: s.name, statuses: null, passed: 0, hints: [], error: s.error };
    const statuses = Object.fromEntries(s.report.tasks.map((t) => [t.id, t.status])) as Record<LabTaskId, ClassTaskStatus>;
    const hints = s.report.tasks.flatMap((t) => (t.hint ? [{ task: t.id, hint: t.hint }] : []));
    return { name: s.name, statuses, passed: s.report.passed, hints, error: null };
  });
  const graded = students.filter((s) => s.statuses !== null);
  const tasks: ClassTaskRate[] = LAB_TASK_IDS.map((task) => ({ task, pass: graded.filter((s) => s.statuses?.[task] === 'pass').length, graded: graded.length }));
  const byHint = new Map<HintCode, { count: number; students: Set<string> }>();
  for (const s of students) {
    for (const { hint } of s.hints) {
      const entry = byHint.get(hint) ?? { count: 0, students: new Set<string>() };
      entry.count++;
      entry.students.add(s.name);
      byHint.set(hint, entry);
    }
  }
  const mistakes: ClassMistake[] = [...byHint.entries()]
    .map(([hint, e]) => ({
      hint,
      count: e.count,
      students: e.students.size,
      description: HINT_DESCRIPTIONS[hint],
      pitfalls: PITFALLS.filter((p) => p.hint === hint).map((p) => ({ title: p.title, fix: p.fix })),
      misconception: MISCONCEPTION_SYMPTOMS.includes(hint) ? { belief: MISCONCEPTION.belief, correction: MISCONCEPTION.correction } : null,
    }))
    .sort((a, b) => b.students - a.students || b.count - a.count || (a.hint < b.hint ? -1 : 1));
  return { folder, students, tasks, mistakes, seatBelt };
}

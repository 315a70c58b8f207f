import { join } from 'node:path';
import { checkLab, type CheckOptions } from '../../../src/checker/host/checkLab';
import type { CheckReport, TaskReport } from '../../../src/checker/report';
import type { LabTaskId } from '../../../src/lesson/labTasks';
import { repoRoot } from '../../support/repoRoot';

/** Paths of the checker tests: the BUILT worker (npm run test:unit builds dist/ first) and the fixtures. */
export { repoRoot };

export const WORKER = join(repoRoot(), 'dist', 'checker-worker.js');
export const TEMPLATES = join(repoRoot(), 'media', 'lab-template');

export function fixture(name: string): string {
  return join(repoRoot(), 'test', 'fixtures', 'labs', name);
}

export async function check(labDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  return (await checkLab(labDir, { workerPath: WORKER, ...options })).report;
}

export function task(report: CheckReport, id: LabTaskId): TaskReport {
  const t = report.tasks.find((x) => x.id === id);
  if (!t) throw new Error(`no task ${id} in the report`);
  return t;
}

/** `id:status[/hint]` for every task: one readable line to assert on. */
export function summary(report: CheckReport): string {
  return report.tasks.map((t) => `${t.id}:${t.status}${t.hint ? `/${t.hint}` : ''}`).join(' ');
}

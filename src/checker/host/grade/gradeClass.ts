import * as path from 'node:path';
import { CheckCancelledError, checkLab } from '../checkLab';
import type { CheckReport } from '../../report';
import type { Sandbox } from '../sandbox';
import { compilerSandbox } from '../labSession';
import { defaultWorkerPath } from '../workerPath';
import { contentHash } from './contentHash';
import { findSubmissions, type Submission } from './findSubmissions';
import { summarise, type GradedSubmission, type Gradebook } from './gradebook';

export interface GradeOptions {
  /** How many submissions are checked at once (each in its own child processes). */
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly workerPath?: string;
  readonly memoryLimitMb?: number;
  /** The last gradebook: a submission whose files (and settings) have not changed keeps its grade. */
  readonly previous?: Gradebook;
  readonly signal?: AbortSignal;
  /** Called as each submission is done, in the order they finish. */
  readonly onGraded?: (graded: GradedSubmission, done: number, total: number, reused: boolean) => void;
  /** Goes into every fingerprint (with `previous`): a new checker version or budget regrades everything. */
  readonly salt?: string;
}

/**
 * Grades every submission in `submissionsDir`: `jobs` at a time, each checked exactly as
 * `rnn-lab check` would (its own worker processes, allowed to read only its own lab folder). Each
 * job keeps one compiler process for all its submissions: the compiler runs no student code, so
 * sharing it costs no isolation and saves loading TypeScript once per submission. A submission the
 * checker cannot grade is recorded with its error; the run goes on.
 */
export async function gradeClass(submissionsDir: string, options: GradeOptions): Promise<Gradebook> {
  const submissions = findSubmissions(submissionsDir);
  const workerPath = options.workerPath ?? defaultWorkerPath();
  const earlier = new Map((options.previous?.submissions ?? []).map((s) => [s.name, s]));
  const results: GradedSubmission[] = new Array<GradedSubmission>(submissions.length);
  let next = 0;
  let done = 0;
  const job = async (): Promise<void> => {
    let compiler: Sandbox | null = null;
    try {
      while (next < submissions.length) {
        if (options.signal?.aborted) throw new CheckCancelledError();
        const index = next++;
        const submission = submissions[index];
        const hash = contentHash(submission.labDir, options.salt ?? '');
        const kept = earlier.get(submission.name);
        let graded: GradedSubmission;
        if (kept && kept.hash === hash) {
          graded = kept;
        } else {
          compiler ??= compilerSandbox(workerPath, path.resolve(submissionsDir), { signal: options.signal });
          graded = await gradeOne(submission, hash, compiler, workerPath, options);
        }
        results[index] = graded;
        options.onGraded?.(graded, ++done, submissions.length, graded === kept);
      }
    } finally {
      compiler?.dispose();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, submissions.length)) }, job));
  return { submissions: results, summary: summarise(results) };
}

async function gradeOne(submission: Submission, hash: string, compiler: Sandbox, workerPath: string, options: GradeOptions): Promise<GradedSubmission> {
  let report: CheckReport;
  try {
    ({ report } = await checkLab(submission.labDir, {
      timeoutMs: options.timeoutMs,
      memoryLimitMb: options.memoryLimitMb,
      workerPath,
      compiler,
      signal: options.signal,
      labName: submission.labDir,
    }));
  } catch (e) {
    if (e instanceof CheckCancelledError) throw e;
    return { name: submission.name, error: e instanceof Error ? e.message : String(e), hash };
  }
  return { name: submission.name, report, hash };
}

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { DEFAULT_TIMEOUT_MS } from '../checker/host/checkLab';
import { formatJunit } from '../checker/host/formatReport';
import type { CheckReport } from '../checker/report';
import { LAB_TASK_IDS } from '../lesson/labTasks';
import { findSubmissions } from '../checker/host/grade/findSubmissions';
import { gradeClass } from '../checker/host/grade/gradeClass';
import { formatCsv, junitFileName, type Gradebook } from '../checker/host/grade/gradebook';
import { UsageError, parseArgs, type CliCommand, type CliIo } from './command';

const USAGE = 'usage: rnn-lab grade <submissionsDir> [--csv FILE] [--json FILE] [--junit DIR] [--jobs N] [--timeout-ms N] [--force]';

/** What decides a grade besides the student's files: a change regrades every submission. */
const GRADER_VERSION = 'rnn-lab 0.1.0';

/** `rnn-lab grade <submissionsDir>`: every student's lab, as `rnn-lab check` would check it. */
export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: 'grade every lab in <submissionsDir> (one subfolder per student) into CSV, JSON and JUnit gradebooks',
  help: [
    USAGE,
    '',
    'Each immediate subfolder of <submissionsDir> holding an rnn.ts (anywhere inside it, as a downloaded',
    'GitHub Classroom repository has it) is one submission, named after the subfolder. Each is checked',
    'exactly as rnn-lab check does, in its own processes that may read only its own lab folder; one bad',
    'submission (does not compile, hangs, exhausts memory, exits) never stops the run.',
    '',
    '  --csv FILE      one row per submission: submission,rnnStep,forward,bptt,clipGradNorm,trainStep,passed,hints',
    '  --json FILE     { submissions: [{ name, report | error, hash }], summary: { count, allPassed, perTask, hints } }',
    '                  A re-run with the same --json FILE skips submissions whose files have not changed.',
    '  --junit DIR     one JUnit XML file per submission, one test case per task',
    `  --jobs N        submissions checked at once (default: the number of cores, here ${availableParallelism()})`,
    `  --timeout-ms N  wall-clock budget per task in milliseconds (default ${DEFAULT_TIMEOUT_MS})`,
    '  --force         regrade every submission, even unchanged ones',
    '',
    'Progress goes to stderr when it is a terminal. Exit status: 0 when grading ran (whatever the',
    'students scored), 2 on bad arguments or a missing folder.',
  ].join('\n'),
  async run(args, io) {
    const { flags, positionals } = parseArgs('grade', args, { csv: 'value', json: 'value', junit: 'value', jobs: 'value', 'timeout-ms': 'value', force: 'boolean' });
    if (positionals.length !== 1) throw new UsageError(USAGE);
    const dir = positionals[0];
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`rnn-lab grade: ${dir} is not a folder. Give the folder that holds one subfolder per submission.`);
    const jobs = positiveInteger(flags.jobs, '--jobs', availableParallelism());
    const timeoutMs = positiveInteger(flags['timeout-ms'], '--timeout-ms', DEFAULT_TIMEOUT_MS);
    const count = findSubmissions(dir).length;
    if (count === 0) throw new UsageError(`rnn-lab grade: no subfolder of ${dir} holds an rnn.ts, so there is nothing to grade.`);
    const jsonFile = typeof flags.json === 'string' ? flags.json : undefined;
    const previous = jsonFile && !flags.force ? readPrevious(jsonFile, io) : undefined;
    const progress = progressReporter(io, process.stderr.isTTY === true);
    const t0 = performance.now();
    const gradebook = await gradeClass(dir, {
      jobs, timeoutMs, previous, salt: `${GRADER_VERSION} timeout ${timeoutMs}`,
      onGraded: (graded, done, total, reused) => progress(`[${done}/${total}] ${graded.name}: ${'report' in graded ? `${graded.report.passed}/${graded.report.total} pass` : 'not graded'}${reused ? ' (unchanged, kept)' : ''}`),
    });
    progress(null);
    write(gradebook, flags, (performance.now() - t0) / 1000);
    const reused = previous ? gradebook.submissions.filter((s) => previous.submissions.includes(s)).length : 0;
    io.out(`Graded ${gradebook.summary.count} submission${gradebook.summary.count === 1 ? '' : 's'} in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      `${reused > 0 ? ` (${reused} unchanged, kept from ${jsonFile})` : ''}: ${gradebook.summary.allPassed} pass every task.\n`);
    return 0;
  },
};

function positiveInteger(value: string | true | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`rnn-lab grade: ${name} must be a positive whole number, got "${String(value)}"`);
  return n;
}

/** The gradebook a previous run wrote, or undefined (with a note) when it cannot be read. */
function readPrevious(file: string, io: CliIo): Gradebook | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Gradebook;
    if (Array.isArray(parsed.submissions)) return parsed;
  } catch { /* fall through */ }
  io.err(`rnn-lab grade: ${file} is not a gradebook this command wrote; every submission is graded again.\n`);
  return undefined;
}

function write(gradebook: Gradebook, flags: Record<string, string | true>, seconds: number): void {
  if (typeof flags.json === 'string') writeFileSync(flags.json, `${JSON.stringify(gradebook, null, 2)}\n`);
  if (typeof flags.csv === 'string') writeFileSync(flags.csv, formatCsv(gradebook));
  if (typeof flags.junit === 'string') {
    mkdirSync(flags.junit, { recursive: true });
    const each = seconds / Math.max(1, gradebook.submissions.length);
    for (const s of gradebook.submissions) {
      writeFileSync(path.join(flags.junit, junitFileName(s.name)), formatJunit('report' in s ? s.report : ungraded(s.name, s.error), each));
    }
  }
}

/** A submission the checker could not grade, as a report whose every task is that error (for JUnit). */
function ungraded(name: string, error: string): CheckReport {
  return { lab: name, tasks: LAB_TASK_IDS.map((id) => ({ id, status: 'error', message: `Not graded: ${error}`, hint: null, location: null, parts: [] })), passed: 0, total: LAB_TASK_IDS.length, language: 'typescript' };
}

/** One line per submission on stderr; on a terminal, one line rewritten in place. `null` ends it. */
function progressReporter(io: CliIo, tty: boolean): (line: string | null) => void {
  if (!tty) return () => undefined;
  return (line) => io.err(line === null ? '\n' : `\r\x1b[2K${line}`);
}

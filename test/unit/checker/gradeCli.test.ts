import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { fixture, repoRoot } from './support';

// The BUILT command line, run as a child process, on a class made of the checker's fixtures.
const CLI = join(repoRoot(), 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-grade-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function rnnLab(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Student → fixture. Each sits one folder deep, as in a downloaded repository (`alice/lab/rnn.ts`). */
const CLASS: Readonly<Record<string, string>> = {
  alice: 'correct-loops',
  bob: 'mistake-off-by-one',
  'carol, jr': 'hostile-write-via-getbuiltin',
  dave: 'hostile-spawn-at-load',
  erin: 'hostile-hang-in-bptt',
  frank: 'hostile-process-exit',
};

function makeClass(root: string): void {
  for (const [student, lab] of Object.entries(CLASS)) cpSync(fixture(lab), join(root, student, 'lab'), { recursive: true });
  mkdirSync(join(root, 'no-lab-here'));
  writeFileSync(join(root, 'no-lab-here', 'notes.txt'), 'not a submission');
}

describe('rnn-lab grade', () => {
  const classDir = join(scratch, 'class');
  const out = join(scratch, 'out');
  makeClass(classDir);
  mkdirSync(out);
  const json = join(out, 'grades.json');
  const csv = join(out, 'grades.csv');

  test('grades every submission with the statuses rnn-lab check gives, into CSV, JSON and JUnit', () => {
    const r = rnnLab('grade', classDir, '--json', json, '--csv', csv, '--junit', join(out, 'junit'), '--jobs', '2', '--timeout-ms', '2000');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Graded 6 submissions in [\d.]+ s: 1 pass every task\.\n$/);
    assert.equal(r.stderr, '', 'no progress lines when stderr is not a terminal');
    assert.equal(readFileSync(csv, 'utf8'), [
      'submission,rnnStep,forward,bptt,clipGradNorm,trainStep,passed,hints',
      'alice,pass,pass,pass,pass,pass,5,',
      'bob,pass,pass,fail,pass,fail,3,bptt:off-by-one;trainStep:off-by-one',
      '"carol, jr",pass,pass,pass,error,error,3,',
      'dave,error,error,error,error,error,0,',
      'erin,pass,pass,timeout,pass,timeout,3,',
      'frank,pass,pass,pass,error,error,3,',
      '',
    ].join('\n'));
    const book = JSON.parse(readFileSync(json, 'utf8')) as { submissions: { name: string; report: { lab: string; tasks: { id: string; message: string }[] }; hash: string }[]; summary: Record<string, unknown> };
    assert.deepEqual(Object.keys(book), ['submissions', 'summary']);
    assert.deepEqual(book.submissions.map((s) => s.name), ['alice', 'bob', 'carol, jr', 'dave', 'erin', 'frank']);
    assert.match(book.submissions[2].report.tasks[3].message, /The checker refused writing of .*escaped-by-lab\.txt/);
    assert.deepEqual(book.summary, {
      count: 6,
      allPassed: 1,
      perTask: {
        rnnStep: { pass: 5, fail: 0, error: 1, timeout: 0, todo: 0 },
        forward: { pass: 5, fail: 0, error: 1, timeout: 0, todo: 0 },
        bptt: { pass: 3, fail: 1, error: 1, timeout: 1, todo: 0 },
        clipGradNorm: { pass: 3, fail: 0, error: 3, timeout: 0, todo: 0 },
        trainStep: { pass: 1, fail: 1, error: 3, timeout: 1, todo: 0 },
      },
      hints: { 'off-by-one': 2 },
    });
    const junit = readdirSync(join(out, 'junit')).sort();
    assert.deepEqual(junit, ['alice.xml', 'bob.xml', 'carol__jr.xml', 'dave.xml', 'erin.xml', 'frank.xml']);
    assert.equal(readFileSync(join(out, 'junit', 'bob.xml'), 'utf8').match(/<testcase /g)?.length, LAB_TASK_IDS.length);
  });

  test('nothing was written outside the output folder', () => {
    assert.equal(existsSync(join(classDir, 'carol, jr', 'escaped-by-lab.txt')), false);
    assert.equal(existsSync(join(classDir, 'dave', 'lab', 'pwned-by-lab.txt')), false);
  });

  test('a re-run keeps unchanged submissions and regrades a changed one; --force regrades all', () => {
    appendFileSync(join(classDir, 'alice', 'lab', 'rnn.ts'), '\nexport const broken = (;\n');
    const again = rnnLab('grade', classDir, '--json', json, '--csv', csv, '--timeout-ms', '2000');
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /\(5 unchanged, kept from .*grades\.json\): 0 pass every task/);
    assert.match(readFileSync(csv, 'utf8'), /\nalice,error,error,error,error,error,0,\n/);
    const forced = rnnLab('grade', classDir, '--json', json, '--timeout-ms', '2000', '--force');
    assert.doesNotMatch(forced.stdout, /unchanged/);
  });

  test('bad arguments and a missing or empty folder exit 2 with a message', () => {
    assert.equal(rnnLab('grade').status, 2);
    const missing = rnnLab('grade', join(scratch, 'nope'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /is not a folder/);
    mkdirSync(join(scratch, 'empty'));
    assert.match(rnnLab('grade', join(scratch, 'empty')).stderr, /no subfolder of .* holds an rnn\.ts/);
    assert.match(rnnLab('grade', classDir, '--jobs', 'many').stderr, /--jobs must be a positive whole number/);
  });
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classSummary } from '../../../src/checker/host/grade/classSummary';
import { summarise, type GradedSubmission } from '../../../src/checker/host/grade/gradebook';
import type { CheckReport, TaskStatus } from '../../../src/checker/report';
import type { HintCode } from '../../../src/lesson/hintCodes';
import { LAB_TASK_IDS } from '../../../src/lesson/labTasks';
import { MISCONCEPTION } from '../../../src/lesson/misconception';

/** A report from one line: `pass pass fail/off-by-one pass fail/off-by-one`. */
function report(line: string): CheckReport {
  const tasks = line.split(' ').map((cell, i) => {
    const [status, hint] = cell.split('/');
    return { id: LAB_TASK_IDS[i], status: status as TaskStatus, message: '…', hint: (hint ?? null) as HintCode | null, location: null, parts: [] };
  });
  return { lab: 'x', tasks, passed: tasks.filter((t) => t.status === 'pass').length, total: 5, language: 'typescript' };
}

const CLASS: GradedSubmission[] = [
  { name: 'ada', report: report('pass pass pass pass pass'), hash: 'a' },
  { name: 'ben', report: report('pass pass fail/weights-not-shared pass fail/weights-not-shared'), hash: 'b' },
  { name: 'cleo', report: report('pass pass fail/weights-not-shared pass fail/weights-not-shared'), hash: 'c' },
  { name: 'dan', report: report('pass pass fail/off-by-one pass fail/off-by-one'), hash: 'd' },
  { name: 'fay', report: report('pass pass pass fail/clip-per-parameter fail/clip-per-parameter'), hash: 'f' },
  { name: 'gus', error: 'the checker crashed', hash: 'g' },
];

describe('the class view data', () => {
  const view = classSummary({ submissions: CLASS, summary: summarise(CLASS) }, 'class', 'belted');

  test('counts each mistake by students and by task reports, commonest first', () => {
    assert.deepEqual(view.mistakes.map((m) => `${m.hint} ${m.students}/${m.count}`), ['weights-not-shared 2/4', 'clip-per-parameter 1/2', 'off-by-one 1/2']);
  });

  test("links a mistake to its pitfall, and weights-not-shared to the lesson's misconception", () => {
    const [shared, clip] = view.mistakes;
    assert.equal(shared.misconception?.belief, MISCONCEPTION.belief);
    assert.equal(clip.misconception, null);
    assert.match(shared.pitfalls[0].title, /one step's gradient/);
    assert.ok(view.mistakes.every((m) => m.pitfalls.length > 0 && m.description.length > 0));
  });

  test('pass rates count graded submissions only; an ungraded one keeps its error', () => {
    assert.deepEqual(view.tasks.map((t) => `${t.task} ${t.pass}/${t.graded}`), ['rnnStep 5/5', 'forward 5/5', 'bptt 2/5', 'clipGradNorm 4/5', 'trainStep 1/5']);
    const gus = view.students.find((s) => s.name === 'gus');
    assert.deepEqual(gus, { name: 'gus', statuses: null, passed: 0, hints: [], error: 'the checker crashed' });
  });
});

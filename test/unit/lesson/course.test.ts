import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COURSE, COURSE_LINKS, parseLinkSetting } from '../../../src/lesson';
import { readPlan } from './planText';

test('neighbouring weeks are the plan\'s', () => {
  const plan = readPlan();
  assert.ok(plan.includes(`PreviousWeek ${COURSE.previous.number}: ${COURSE.previous.title}`));
  assert.ok(plan.includes(`NextWeek ${COURSE.next.number}: ${COURSE.next.title}`));
});

test('the plan\'s three links are settings under rnnLab.links', () => {
  const plan = readPlan();
  for (const link of COURSE_LINKS) {
    assert.ok(plan.includes(link.label), link.label);
    assert.equal(link.setting, `rnnLab.links.${link.id}`);
  }
});

test('empty, missing and blank settings are "not set"', () => {
  for (const raw of [undefined, null, '', '   ']) assert.deepEqual(parseLinkSetting(raw), { kind: 'notSet' });
});

test('http(s) addresses are valid and trimmed', () => {
  assert.deepEqual(parseLinkSetting(' https://colab.research.google.com/drive/abc '), { kind: 'valid', url: 'https://colab.research.google.com/drive/abc' });
  assert.deepEqual(parseLinkSetting('http://intranet.example/lab?id=10#top'), { kind: 'valid', url: 'http://intranet.example/lab?id=10#top' });
});

test('anything else is invalid with a reason', () => {
  const cases: [unknown, RegExp][] = [
    ['colab.research.google.com/x', /not a full web address/],
    ['ftp://files.example/lab', /uses "ftp:" instead of https:/],
    ['javascript://alert(1)', /uses "javascript:"/],
    ['https://', /no host name/],
    ['https://example.com/a b', /contains spaces/],
    [42, /not text/],
  ];
  for (const [raw, problem] of cases) {
    const value = parseLinkSetting(raw);
    assert.equal(value.kind, 'invalid', String(raw));
    if (value.kind === 'invalid') assert.match(value.problem, problem);
  }
});

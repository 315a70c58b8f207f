import { formatLocation } from '../location';
import type { CheckReport, TaskReport } from '../report';

/** The report for people (one line per task, ✓ or ✗, then its message) and for CI (JUnit XML). */

const MARK: Record<TaskReport['status'], string> = { pass: '✓', fail: '✗', error: '✗', timeout: '✗', todo: '·' };

export function formatText(report: CheckReport): string {
  const lines = [`RNN Lab check of ${report.lab}`, ''];
  for (const t of report.tasks) {
    const where = t.location && t.status !== 'pass' ? `  (${formatLocation(t.location)})` : '';
    lines.push(`${MARK[t.status]} ${t.id.padEnd(12)} ${t.status.toUpperCase()}${t.hint ? ` [${t.hint}]` : ''}${where}`);
    lines.push(...wrap(t.message, 100).map((l) => `    ${l}`));
  }
  lines.push('', `${report.passed}/${report.total} tasks pass.`, '');
  return lines.join('\n');
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) { out.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
    // XML 1.0 cannot hold most control characters at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function formatJunit(report: CheckReport, seconds: number): string {
  const failures = report.tasks.filter((t) => t.status === 'fail').length;
  const errors = report.tasks.filter((t) => t.status === 'error' || t.status === 'timeout').length;
  const skipped = report.tasks.filter((t) => t.status === 'todo').length;
  const cases = report.tasks.map((t) => {
    const open = `    <testcase classname="rnn-lab" name="${xml(t.id)}"${t.location ? ` file="${xml(t.location.file)}" line="${t.location.line}"` : ''}>`;
    const body = t.status === 'pass' ? ''
      : t.status === 'todo' ? `\n      <skipped message="${xml(t.message)}"/>`
        : t.status === 'fail' ? `\n      <failure type="${xml(t.hint ?? 'fail')}" message="${xml(t.message)}"/>`
          : `\n      <error type="${t.status}" message="${xml(t.message)}"/>`;
    return `${open}${body}${body ? '\n    ' : ''}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${report.total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="${xml(`rnn-lab check ${report.lab}`)}" tests="${report.total}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds.toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

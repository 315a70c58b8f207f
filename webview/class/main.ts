/**
 * The class view: what a graded class got right and wrong, as tables (screen readers read them;
 * the pass-rate bars are decoration beside the numbers). Per student the five statuses and hints,
 * per task the pass rate, and the mistakes most common in this class with the pitfall and the
 * misconception to re-teach. Everything arrives from the host; nothing is fetched.
 */
import type { ClassMistake, ClassStudent, ClassTaskRate, ClassViewData, ClassViewToHost, HostToClassView } from '../../src/protocol';
import { LAB_TASK_IDS } from '../../src/lesson/labTasks';
import { appRoot, el } from '../shared/dom';
import { button, registerToolkit } from '../ui/toolkit';
import { validateClassMessage } from './validateClass';

interface VsCodeApi { postMessage(message: ClassViewToHost): void }
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();

registerToolkit();
const root = appRoot();
root.classList.add('class-view');
const status = el('p', { id: 'status', className: 'status' });
status.setAttribute('aria-live', 'polite');
root.append(el('p', { className: 'muted', text: 'Grading…' }));

window.addEventListener('message', (event: MessageEvent) => {
  let message: HostToClassView;
  try {
    message = validateClassMessage(event.data);
  } catch (e) {
    api.postMessage({ type: 'webviewError', message: `The class view ignored a message from VS Code: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  switch (message.type) {
    case 'showClass':
      render(message.view);
      return;
    case 'classExportResult':
      status.textContent = message.message;
      return;
    default: {
      const unknownMessage: never = message;
      throw new Error(`unknown message ${JSON.stringify(unknownMessage)}`);
    }
  }
});
api.postMessage({ type: 'ready' });

function render(view: ClassViewData): void {
  const allPassed = view.students.filter((s) => s.statuses !== null && s.passed === LAB_TASK_IDS.length).length;
  root.replaceChildren(
    el('h1', { text: `Class: ${view.folder}` }),
    el('p', { className: 'summary', text: `${view.students.length} submission${view.students.length === 1 ? '' : 's'}; ${allPassed} pass every task.` }),
    el('div', { className: 'actions' }, button('Export CSV', () => { status.textContent = 'Choose where to save…'; api.postMessage({ type: 'exportClassCsv' }); }, { id: 'export-csv' }), status),
    el('h2', { text: 'Most common mistakes: what to re-teach' }),
    mistakesTable(view.mistakes),
    el('h2', { text: 'Pass rate per task' }),
    tasksTable(view.tasks),
    el('h2', { text: 'Students' }),
    studentsTable(view.students),
    el('p', { className: 'muted', text: `${view.seatBelt} Nothing leaves this machine.` }),
  );
}

function table(id: string, caption: string, headers: readonly string[]): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const t = el('table', { id, className: 'data' });
  t.createCaption().textContent = caption;
  const head = t.createTHead().insertRow();
  for (const h of headers) head.appendChild(Object.assign(el('th', { text: h }), { scope: 'col' }));
  return { table: t, body: t.createTBody() };
}

function mistakesTable(mistakes: readonly ClassMistake[]): HTMLElement {
  if (mistakes.length === 0) return el('p', { id: 'no-mistakes', text: 'The checker recognised no known mistake in this class.' });
  const { table: t, body } = table('mistakes', 'Known mistakes by how many students made them', ['Mistake', 'Students', 'Task reports', 'The pitfall to re-teach', 'Misconception behind it']);
  for (const m of mistakes) {
    const row = body.insertRow();
    row.appendChild(Object.assign(el('th', {}, el('code', { text: m.hint }), el('br'), m.description), { scope: 'row' }));
    row.insertCell().textContent = String(m.students);
    row.insertCell().textContent = String(m.count);
    const pitfall = row.insertCell();
    for (const p of m.pitfalls) pitfall.append(el('strong', { text: p.title }), el('br'), p.fix);
    const misconception = row.insertCell();
    if (m.misconception) misconception.append(el('strong', { text: `“${m.misconception.belief}”` }), el('br'), m.misconception.correction);
    else misconception.textContent = '—';
  }
  return el('div', { className: 'table-box' }, t);
}

function tasksTable(tasks: readonly ClassTaskRate[]): HTMLElement {
  const { table: t, body } = table('tasks', 'How many graded submissions pass each task', ['Task', 'Pass', 'Graded', 'Pass rate']);
  for (const r of tasks) {
    const row = body.insertRow();
    row.appendChild(Object.assign(el('th', { text: r.task }), { scope: 'row' }));
    row.insertCell().textContent = String(r.pass);
    row.insertCell().textContent = String(r.graded);
    const rate = r.graded === 0 ? 0 : Math.round((100 * r.pass) / r.graded);
    const bar = el('span', { className: 'rate-bar' });
    bar.setAttribute('aria-hidden', 'true');
    bar.style.width = `${rate}%`;
    row.insertCell().append(el('span', { className: 'rate-box' }, bar), ` ${rate}%`);
  }
  return el('div', { className: 'table-box' }, t);
}

function studentsTable(students: readonly ClassStudent[]): HTMLElement {
  const { table: t, body } = table('students', 'Every submission: the status of each task and the mistakes recognised', ['Student', ...LAB_TASK_IDS, 'Passed', 'Hints']);
  for (const s of students) {
    const row = body.insertRow();
    row.appendChild(Object.assign(el('th', { text: s.name }), { scope: 'row' }));
    for (const id of LAB_TASK_IDS) {
      const status = s.statuses?.[id];
      const cell = row.insertCell();
      cell.textContent = status ? status.toUpperCase() : '—';
      cell.className = `status-${status ?? 'none'}`;
    }
    row.insertCell().textContent = s.statuses ? `${s.passed}/5` : 'not graded';
    row.insertCell().textContent = s.error ?? (s.hints.map((h) => `${h.task}: ${h.hint}`).join('; ') || '—');
  }
  return el('div', { className: 'table-box students' }, t);
}

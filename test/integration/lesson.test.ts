// The lesson sidebar, concept checks, class timer and links, inside a real VS Code. The tree is read
// through `rnnLab.internal.lessonTree` (the provider's own TreeItems as plain data), the timer runs
// on a frozen clock set with `rnnLab.internal.setClock`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rnn-lab-edu.rnn-lab';

interface Item {
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  contextValue?: string;
  icon?: string;
  iconColor?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  command?: { command: string; arguments: unknown[] };
  children: Item[];
}

interface TimerState {
  running: boolean;
  statusText?: string;
  snapshot?: { schedule: string; position: { phase: string; block?: { id: string; title: string }; minutesLeftInBlock?: number } };
  notifications: { message: string; shown: boolean }[];
}

interface Outcome { checkId: string; answerIndex: number; correct: boolean; answer: string; explanation: string }

const tree = async () => (await vscode.commands.executeCommand<Item[]>('rnnLab.internal.lessonTree'));
const find = (items: Item[], id: string): Item => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.children.length ? findOrUndefined(item.children, id) : undefined;
    if (inner) return inner;
  }
  throw new Error(`no tree item ${id}`);
};
const findOrUndefined = (items: Item[], id: string): Item | undefined => {
  try { return find(items, id); } catch { return undefined; }
};
const timerState = async () => (await vscode.commands.executeCommand<TimerState>('rnnLab.internal.timerState'));
const setClock = (nowMs: number) => vscode.commands.executeCommand<TimerState>('rnnLab.internal.setClock', { nowMs });
const conceptCheck = (args: { checkId: string; answerIndex: number }) =>
  vscode.commands.executeCommand<Outcome | undefined>('rnnLab.conceptCheck', args);
const documentText = async (id: string) => {
  const uri = await vscode.commands.executeCommand<string>('rnnLab.internal.lessonDocumentUri', id);
  return (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText();
};
/** An open document is re-rendered asynchronously after a change: wait until it shows `expected`. */
const documentShowing = async (id: string, expected: RegExp) => {
  let last = '';
  try {
    return await waitFor(`document ${id} to match ${expected}`, async () => {
      last = await documentText(id);
      return expected.test(last) && last;
    }, 5_000);
  } catch {
    assert.match(last, expected, `document ${id}`);
    return last;
  }
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('RNN Lab lesson sidebar', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('rnnLab.openLesson');
  });

  test('the top level is the nine sections, in the plan\'s order, with descriptions', async () => {
    const items = await tree();
    assert.deepEqual(items.map((i) => i.label), [
      'Objectives', 'Lecture (3 h)', 'Practice (2 h)', 'Misconception', 'Concept checks', 'Pitfalls', 'Lab tasks', 'Takeaways', 'Course',
    ]);
    assert.equal(find(items, 'section.lecture').description, '8 blocks');
    assert.equal(find(items, 'section.practice').description, '5 blocks');
    assert.match(find(items, 'section.pitfalls').description ?? '', /^\d+ to pre-empt$/);
    for (const item of items) {
      assert.ok(item.icon, `${item.id} has a codicon`);
      assert.ok(item.tooltip, `${item.id} has a tooltip`);
      assert.notEqual(item.collapsible, 'none', `${item.id} has children`);
    }
  });

  test('lecture and practice blocks carry the plan\'s times, and demo bullets are runnable', async () => {
    const items = await tree();
    const lecture = find(items, 'section.lecture').children;
    assert.deepEqual(lecture.map((b) => `${b.description} ${b.label}`), [
      '0:00–0:10 · 10 min Recap & retrieval',
      '0:10–0:25 · 15 min Motivation',
      '0:25–1:10 · 45 min Recurrence and BPTT',
      '1:10–1:20 · 10 min Break',
      '1:20–2:05 · 45 min Vanishing and exploding gradients',
      '2:05–2:35 · 30 min Live demo (predict, then run)',
      '2:35–2:50 · 15 min Wrap-up & practice preview',
      '2:50–3:00 · 10 min Buffer & questions',
    ]);
    // Four bullets, then the four checks the plan poses in this block (commit-first questions, misconception).
    assert.deepEqual(find(items, 'lecture.recurrence').children.map((c) => c.contextValue), ['bullet', 'bullet', 'bullet', 'bullet', 'check', 'check', 'check', 'check']);
    assert.equal(find(items, 'lecture.recurrence.check.misconception').description, find(items, 'check.misconception').description);
    assert.equal(find(items, 'lecture.liveDemo').contextValue, 'block.demo');
    const demoBullets = find(items, 'section.practice').children.flatMap((b) => b.children).filter((b) => b.contextValue === 'bullet.demo');
    assert.deepEqual(demoBullets.map((b) => b.label), [
      'Build a plain RNN on a short sequence task and run it.',
      'Plot gradient norms across time steps to expose vanishing gradients.',
      'Demonstrate gradient clipping.',
    ]);
    // The inline ▷ action is contributed for exactly these context values.
    const menus = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { menus: Record<string, { command: string; when: string }[]> } })
      .contributes.menus['view/item/context'];
    const runDemo = menus.find((m) => m.command === 'rnnLab.lesson.runDemo');
    assert.ok(runDemo && runDemo.when.includes('bullet|block') && runDemo.when.includes('.demo'));
  });

  test('the ▷ action of a demo bullet or block runs that demo', async () => {
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    await vscode.commands.executeCommand('rnnLab.lesson.runDemo', 'practice.demosContinued.bullet1');
    await waitFor('the clipping demo tab', async () => tabLabels().some((l) => l.endsWith('Gradient clipping')));
    await vscode.commands.executeCommand('rnnLab.lesson.runDemo', 'lecture.liveDemo');
    await waitFor('the predict-then-run demo tab', async () => tabLabels().some((l) => /Predict, then run/.test(l)));
    assert.equal(await vscode.commands.executeCommand('rnnLab.lesson.runDemo', 'lecture.recap'), undefined, 'a block without a demo runs nothing');
  });

  test('pitfalls, lab tasks, misconception and course show their details', async () => {
    const items = await tree();
    const pitfalls = find(items, 'section.pitfalls').children;
    assert.ok(pitfalls.length >= 6);
    for (const p of pitfalls) assert.match(p.description ?? '', /^((rnnStep|forward|bptt|clipGradNorm|trainStep) · [a-z-]+|training)$/);
    assert.ok(pitfalls.some((p) => p.description === 'training'), 'the training pitfalls are listed too');
    const tasks = find(items, 'section.labTasks').children.filter((t) => t.contextValue === 'labTask');
    assert.deepEqual(tasks.map((t) => t.description), ['rnnStep', 'forward', 'bptt', 'clipGradNorm', 'trainStep']);
    // The state leads the label, so a narrow sidebar cannot cut it off.
    for (const t of tasks) assert.match(t.label, /^(pass|fail|error|timed out|to do|not checked) · /);
    assert.deepEqual(find(items, 'section.misconception').children.map((c) => c.label), ['Students often think…', 'Set it straight…']);
    assert.equal(find(items, 'course.previous').description, 'Week 9: Convolutional Networks II');
    assert.equal(find(items, 'course.next').description, 'Week 11: LSTMs, GRUs & Sequence Tasks');
    assert.deepEqual(find(items, 'section.course').children.filter((c) => c.description === 'reading notes').map((c) => c.label),
      ['Bengio, Simard & Frasconi (1994)', 'Pascanu, Mikolov & Bengio (2013)', 'Gers, Schmidhuber & Cummins (2000)', 'Jozefowicz, Zaremba & Sutskever (2015)']);
    assert.match(await documentText('reading.pascanu2013'), /What it shows:[\s\S]*necessary for exploding ones, but not sufficient/);
  });

  test('every item opens a document, never a dead end; selecting a block shows its full text', async () => {
    const all: Item[] = [];
    const walk = (items: Item[]) => items.forEach((i) => { all.push(i); walk(i.children); });
    walk(await tree());
    for (const item of all) {
      assert.ok(item.command, `${item.id} does something when selected`);
      if (item.command.command === 'rnnLab.lesson.openItem') {
        const text = await documentText(String(item.command.arguments[0]));
        assert.ok(text.startsWith('# ') && text.length > 40, `${item.id} has a real document`);
        assert.doesNotMatch(text, /Not part of this lesson/);
      } else {
        assert.equal(item.command.command, 'rnnLab.scaffoldLab', `${item.id}: unexpected command`);
      }
    }

    const block = find(await tree(), 'lecture.gradients');
    const uri = await vscode.commands.executeCommand<string>(block.command!.command, ...block.command!.arguments);
    assert.match(uri, /^rnn-lab:\/lecture\.gradients\//);
    const text = (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri))).getText();
    assert.match(text, /# Lecture: Vanishing and exploding gradients/);
    assert.match(text, /1:20–2:05/);
    assert.match(text, /- Exploding gradients are tamed with gradient clipping\./);
    const shown = await waitFor('a markdown preview or editor of the block', async () => vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => (t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType))
        || (t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri)));
    assert.ok(shown.label.length > 0);
  });

  test('Open Lesson reveals a given item (getParent works for nested items)', async () => {
    const selection = () => vscode.commands.executeCommand<string[]>('rnnLab.internal.lessonSelection');
    await vscode.commands.executeCommand('rnnLab.openLesson', { reveal: 'practice.demos.bullet2' });
    assert.deepEqual(await waitFor('the bullet to be selected', async () => (await selection()).length > 0 && selection()), ['practice.demos.bullet2']);
    await vscode.commands.executeCommand('rnnLab.openLesson', { reveal: 'check.clipping' });
    assert.deepEqual(await waitFor('the check to be selected', async () => (await selection())[0] === 'check.clipping' && selection()), ['check.clipping']);
  });

  test('the Lab tasks section offers to scaffold exactly while the workspace has no rnn.ts', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration run opens a workspace folder');
    const hasScaffold = async () => find(await tree(), 'section.labTasks').children.some((c) => c.id === 'labTasks.scaffold');
    const existing = await vscode.workspace.findFiles('**/rnn.ts', '**/node_modules/**', 1);
    if (existing.length > 0) {
      assert.equal(await hasScaffold(), false);
      return;
    }
    assert.equal(await hasScaffold(), true);
    const probe = vscode.Uri.joinPath(folder.uri, 'lesson-presence-probe', 'rnn.ts');
    await vscode.workspace.fs.writeFile(probe, new TextEncoder().encode('export {};\n'));
    try {
      await waitFor('the scaffold entry to go', async () => !(await hasScaffold()));
      assert.equal(find(await tree(), 'section.labTasks').description?.endsWith('pass'), true);
    } finally {
      // Deleting the folder alone must do: a student may remove a whole lab folder at once.
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, 'lesson-presence-probe'), { recursive: true });
    }
    await waitFor('the scaffold entry to return', hasScaffold);
  });
});

suite('RNN Lab concept checks', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('rnnLab.internal.resetConceptChecks');
  });

  test('the answer stays hidden until the student answers', async () => {
    const text = await documentText('check.vanishExplode');
    assert.match(text, /Answer first/);
    assert.doesNotMatch(text, /\*\*Answer:\*\*/);
    assert.equal(find(await tree(), 'check.vanishExplode').description, 'not answered');
    assert.equal(find(await tree(), 'section.checks').description, '0/6 answered');
  });

  test('"next" walks the unanswered checks in order; answers are scored, revealed and shown in the sidebar', async () => {
    const first = await conceptCheck({ checkId: 'next', answerIndex: 1 });
    assert.equal(first?.checkId, 'check.vanishExplode');
    assert.equal(first?.correct, false);
    assert.match(first?.answer ?? '', /repeated multiplication shrinks/);
    let text = await documentShowing('check.vanishExplode', /Not quite\.\*\* You chose: Each time step has its own weights/);
    assert.match(text, /\*\*Answer:\*\* BPTT multiplies by the recurrent matrix once per step/);
    assert.match(text, /\*\*Why:\*\*/);
    assert.equal(find(await tree(), 'check.vanishExplode').description, 'answered · not quite');

    const second = await conceptCheck({ checkId: 'next', answerIndex: 0 });
    assert.deepEqual([second?.checkId, second?.correct], ['check.clipping', true]);
    for (const id of ['check.parameterCount', 'check.otherLength', 'check.writeGradient']) {
      const commit = await conceptCheck({ checkId: 'next', answerIndex: 0 });
      assert.deepEqual([commit?.checkId, commit?.correct], [id, true]);
    }
    const third = await conceptCheck({ checkId: 'next', answerIndex: 1 });
    assert.deepEqual([third?.checkId, third?.correct], ['check.misconception', true]);
    text = await documentShowing('check.misconception', /Correct\./);
    assert.match(text, /one shared cell applied repeatedly/);

    const items = await tree();
    assert.equal(find(items, 'section.checks').description, '6/6 answered');
    assert.equal(find(items, 'check.clipping').icon, 'pass');
    assert.equal(find(items, 'check.vanishExplode').icon, 'error');
    assert.equal(await conceptCheck({ checkId: 'next', answerIndex: 0 }), undefined, 'nothing left to answer');
  });

  test('answering again replaces the answer; bad ids and indexes are refused', async () => {
    const retry = await conceptCheck({ checkId: 'check.vanishExplode', answerIndex: 0 });
    assert.equal(retry?.correct, true);
    assert.equal(find(await tree(), 'check.vanishExplode').description, 'answered · correct');
    assert.equal(await conceptCheck({ checkId: 'check.nope', answerIndex: 0 }), undefined);
    assert.equal(await conceptCheck({ checkId: 'check.clipping', answerIndex: 7 }), undefined);
    assert.equal(find(await tree(), 'check.clipping').description, 'answered · correct', 'a refused answer changes nothing');
  });
});

suite('RNN Lab class timer', () => {
  const T0 = Date.UTC(2026, 10, 25, 9, 0, 0);
  const minutes = (m: number) => T0 + m * 60_000;
  const config = () => vscode.workspace.getConfiguration('rnnLab.classTimer');

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await setClock(T0);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('rnnLab.stopClassTimer');
    await config().update('notifyOnBlockChange', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('rnnLab.internal.setClock', { system: true });
  });

  test('started 9 minutes ago, the lecture is in its first block with 1 minute left', async () => {
    assert.equal(await vscode.commands.executeCommand('rnnLab.startClassTimer', { schedule: 'lecture', startedMinutesAgo: 9 }), true);
    const state = await timerState();
    assert.equal(state.running, true);
    assert.equal(state.statusText, 'Lecture · Recap & retrieval · 1 min left');
    const items = await tree();
    assert.equal(find(items, 'section.lecture').description, 'now: Recap & retrieval');
    assert.equal(find(items, 'section.lecture').collapsible, 'expanded');
    const recap = find(items, 'lecture.recap');
    assert.deepEqual([recap.icon, recap.iconColor, recap.description], ['play-circle', 'charts.green', 'now · 1 min left']);
    assert.equal(find(items, 'lecture.motivation').description, '0:10–0:25 · 15 min');
    await documentShowing('section.lecture', /Recap & retrieval \(10 min\) — \*\*now, 1 min left\*\*/);
  });

  test('crossing into the next block moves the highlight and notifies once', async () => {
    const before = (await timerState()).notifications.length;
    let state = await setClock(minutes(1));
    assert.equal(state.statusText, 'Lecture · Motivation · 15 min left');
    assert.equal(state.notifications.length, before + 1);
    const note = state.notifications[state.notifications.length - 1];
    assert.equal(note.shown, true);
    assert.equal(note.message, 'Lecture, now 0:10–0:25: Motivation (15 min). Next: Recurrence and BPTT.');
    const items = await tree();
    assert.equal(find(items, 'lecture.recap').icon, 'clock');
    assert.equal(find(items, 'lecture.motivation').description, 'now · 15 min left');

    state = await setClock(minutes(8));
    assert.equal(state.statusText, 'Lecture · Motivation · 8 min left');
    assert.equal(state.notifications.length, before + 1, 'no notification inside a block');
  });

  test('the setting silences the notification, not the block change', async () => {
    await config().update('notifyOnBlockChange', false, vscode.ConfigurationTarget.Global);
    const state = await setClock(minutes(16));
    assert.equal(state.statusText, 'Lecture · Recurrence and BPTT · 45 min left');
    const last = state.notifications[state.notifications.length - 1];
    assert.match(last.message, /now 0:25–1:10: Recurrence and BPTT/);
    assert.equal(last.shown, false);
  });

  test('the timer survives a reload (persisted start time), and Stop ends it', async () => {
    const before = await timerState();
    await setClock(minutes(62));
    const reloaded = await vscode.commands.executeCommand<TimerState>('rnnLab.internal.reloadTimer');
    assert.equal(reloaded.running, true);
    assert.equal(reloaded.snapshot?.schedule, 'lecture');
    assert.equal(reloaded.statusText, 'Lecture · Break · 9 min left');
    assert.ok(reloaded.notifications.length <= before.notifications.length + 1);

    await vscode.commands.executeCommand('rnnLab.stopClassTimer');
    const stopped = await vscode.commands.executeCommand<TimerState>('rnnLab.internal.reloadTimer');
    assert.equal(stopped.running, false);
    assert.equal(stopped.statusText, undefined);
    assert.equal(find(await tree(), 'section.lecture').description, '8 blocks');
  });

  test('practice from a given start, and bad arguments are refused with the timer untouched', async () => {
    assert.equal(await vscode.commands.executeCommand('rnnLab.startClassTimer', { schedule: 'practice', startedMinutesAgo: 62 }), true);
    assert.equal((await timerState()).statusText, 'Practice · Break · 3 min left');
    assert.equal(await vscode.commands.executeCommand('rnnLab.startClassTimer', { schedule: 'seminar' }), false);
    assert.equal(await vscode.commands.executeCommand('rnnLab.startClassTimer', { schedule: 'lecture', startedMinutesAgo: -5 }), false);
    assert.equal((await timerState()).snapshot?.schedule, 'practice');
    await setClock(minutes(200));
    assert.equal((await timerState()).statusText, 'Practice finished (80 min over)');
    // Restored long after the class ended (a reload the next morning), it is forgotten.
    const next = await vscode.commands.executeCommand<TimerState>('rnnLab.internal.reloadTimer');
    assert.equal(next.running, false);
  });
});

suite('RNN Lab course links', () => {
  const links = () => vscode.workspace.getConfiguration('rnnLab.links');

  suiteTeardown(async () => {
    await links().update('references', undefined, vscode.ConfigurationTarget.Global);
  });

  test('links are "not set" until the instructor sets them; invalid ones say so', async () => {
    const item = async () => find(await tree(), 'course.link.references');
    assert.equal((await item()).description, 'not set');
    assert.equal((await item()).contextValue, 'link.notSet');

    await links().update('references', 'https://example.org/week10/references', vscode.ConfigurationTarget.Global);
    await waitFor('the valid link', async () => (await item()).description === 'https://example.org/week10/references');
    assert.equal((await item()).contextValue, 'link.valid');
    await documentShowing('course.link.references', /\[Curated references\]\(https:\/\/example\.org\/week10\/references\)/);

    await links().update('references', 'example.org/refs', vscode.ConfigurationTarget.Global);
    await waitFor('the invalid link', async () => (await item()).description === 'invalid address');
    assert.match((await item()).tooltip ?? '', /rnnLab\.links\.references is not a usable address: it is not a full web address/);
  });
});

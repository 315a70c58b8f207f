import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { COURSE_LINKS } from '../../../src/lesson';

interface Manifest {
  contributes: {
    commands: { command: string; icon?: string }[];
    configuration: { properties: Record<string, { type: string; default: unknown; pattern?: string }> };
    menus: Record<string, { command: string; when?: string }[]>;
    views: Record<string, { id: string; when?: string }[]>;
    viewsWelcome: { view: string; contents: string; when?: string }[];
    walkthroughs: { id: string; steps: { id: string; media: { markdown: string }; completionEvents: string[] }[] }[];
  };
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}
const root = repoRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const c = manifest.contributes;

test('the walkthrough opens the lesson, scaffolds, checks and plots, each step completing on its command', () => {
  const walkthrough = c.walkthroughs.find((w) => w.id === 'rnnLab.gettingStarted');
  assert.ok(walkthrough);
  assert.deepEqual(walkthrough.steps.map((s) => s.completionEvents), [
    ['onCommand:rnnLab.openLesson'], ['onCommand:rnnLab.scaffoldLab'], ['onCommand:rnnLab.checkLab'], ['onCommand:rnnLab.showGradientPlot'],
  ]);
  for (const step of walkthrough.steps) {
    assert.match(step.media.markdown, /^media\/walkthrough\/[\w-]+\.md$/);
    assert.ok(existsSync(join(root, step.media.markdown)), `${step.media.markdown} exists`);
  }
});

test('each course link is a string setting defaulting to empty, and the empty value passes its pattern', () => {
  for (const link of COURSE_LINKS) {
    const setting = c.configuration.properties[link.setting];
    assert.ok(setting, `${link.setting} is contributed`);
    assert.equal(setting.type, 'string');
    assert.equal(setting.default, '');
    const pattern = new RegExp(setting.pattern ?? '');
    assert.ok(pattern.test(''), 'empty is allowed');
    assert.ok(pattern.test('https://colab.research.google.com/drive/x'));
    assert.ok(!pattern.test('colab.research.google.com'));
  }
  assert.equal(c.configuration.properties['rnnLab.classTimer.notifyOnBlockChange']?.type, 'boolean');
});

test('every lesson menu entry names a contributed command, and item-only commands are hidden from the palette', () => {
  const contributed = new Set(c.commands.map((x) => x.command));
  const itemMenus = c.menus['view/item/context'].filter((m) => m.when?.includes('view == rnnLab.lesson'));
  assert.ok(itemMenus.length >= 4);
  for (const m of itemMenus) assert.ok(contributed.has(m.command), `${m.command} is contributed`);
  const hidden = new Set(c.menus.commandPalette.filter((m) => m.when === 'false').map((m) => m.command));
  for (const id of contributed) if (id.startsWith('rnnLab.lesson.')) assert.ok(hidden.has(id), `${id} is hidden from the palette`);
});

test('a welcome view offers to scaffold the lab while the workspace has none', () => {
  const view = c.views.rnnLab.find((v) => v.id === 'rnnLab.labSetup');
  assert.equal(view?.when, '!rnnLab.hasLab');
  const welcome = c.viewsWelcome.find((w) => w.view === 'rnnLab.labSetup' && w.when?.includes('!rnnLab.hasLab'));
  assert.match(welcome?.contents ?? '', /\[Scaffold Lab Files\]\(command:rnnLab\.scaffoldLab\)/);
});

import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';
import { ClassTimer } from './classTimer';
import { FixedClock, systemClock, type Clock } from './clock';
import { runConceptCheck, type ConceptCheckArgs } from './conceptCheckCommand';
import { ConceptCheckStore } from './conceptCheckStore';
import { LabPresence } from './labPresence';
import { readLink, warnAboutInvalidLinks } from './links';
import { LESSON_SCHEME, LessonDocumentProvider, lessonDocumentUri, showLessonDocument } from './lessonDocuments';
import { LessonNodeIndex, type LessonNode } from './lessonNodes';
import type { LessonLiveState } from './lessonState';
import { LessonTreeProvider, OPEN_ITEM_COMMAND } from './lessonTree';
import { snapshotTree } from './treeSnapshot';
import { startClassTimer, stopClassTimer, type StartTimerArgs } from './timerCommands';
import { createTimerStatusBar } from './timerStatusBar';
import { registerTestCommands } from '../testCommands';

export const VIEW_ID = 'rnnLab.lesson';

/**
 * The lesson sidebar, concept checks and class timer (owned by the lesson feature).
 *
 * Commands for RNN Lab's own tests, registered only in test mode (see registerTestCommands):
 * - `rnnLab.internal.lessonTree` → the sidebar's items as plain objects (label, description, children…)
 * - `rnnLab.internal.lessonDocumentUri(nodeId)` → the URI of the item's document, without opening it
 * - `rnnLab.internal.lessonSelection` → ids of the selected sidebar items
 * - `rnnLab.internal.timerState` → the class timer's state (see `TimerState`)
 * - `rnnLab.internal.setClock({ nowMs } | { system: true })` → freezes (or releases) the timer's clock and ticks
 * - `rnnLab.internal.reloadTimer` → re-reads the persisted timer, as a window reload does
 * - `rnnLab.internal.resetConceptChecks` → forgets this workspace's concept-check answers
 */
export function registerLesson(context: vscode.ExtensionContext, labStatus: LabStatusStore): void {
  let clock: Clock = systemClock;
  const nodes = new LessonNodeIndex();
  const checks = new ConceptCheckStore(context.workspaceState);
  const presence = new LabPresence();
  const notifyOnBlockChange = () => vscode.workspace.getConfiguration('rnnLab.classTimer').get<boolean>('notifyOnBlockChange', true);
  const timer = new ClassTimer(context.workspaceState, () => clock, (message) => {
    if (!notifyOnBlockChange()) return false;
    void vscode.window.showInformationMessage(`RNN Lab: ${message}`);
    return true;
  });

  const state: LessonLiveState = {
    get hasLab() { return presence.hasLab; },
    task: (id) => labStatus.get(id),
    checkResult: (id) => checks.get(id),
    link: readLink,
    timer: () => timer.snapshot(),
  };
  const tree = new LessonTreeProvider(nodes, state);
  const documents = new LessonDocumentProvider(nodes, state);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // The welcome view's tree stays empty on purpose: VS Code shows viewsWelcome content only then.
  const welcome = vscode.window.createTreeView('rnnLab.labSetup', { treeDataProvider: { getChildren: () => [], getTreeItem: (x: never) => x } });

  const refresh = () => {
    tree.refresh();
    documents.refreshOpenDocuments();
  };
  const revealCurrentBlock = () => {
    const snapshot = timer.snapshot();
    if (!view.visible || snapshot?.position.phase !== 'running') return;
    const node = nodes.get(snapshot.position.block.id);
    if (node) void view.reveal(node, { select: false, focus: false, expand: true });
  };
  const nodeOf = (arg: unknown): LessonNode | undefined =>
    typeof arg === 'string' ? nodes.get(arg) : arg && typeof arg === 'object' && 'id' in arg ? nodes.get(String(arg.id)) : undefined;

  context.subscriptions.push(
    checks, presence, timer, view, welcome, documents,
    vscode.workspace.registerTextDocumentContentProvider(LESSON_SCHEME, documents),
    createTimerStatusBar(timer),
    labStatus.onDidChange(refresh),
    checks.onDidChange(refresh),
    presence.onDidChange(refresh),
    timer.onDidChange(({ blockChanged }) => {
      refresh();
      if (blockChanged) revealCurrentBlock();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('rnnLab.links')) return;
      refresh();
      warnAboutInvalidLinks(e);
    }),

    vscode.commands.registerCommand('rnnLab.openLesson', async (args?: { reveal?: string }) => {
      await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
      const target = nodeOf(args?.reveal);
      if (target) await view.reveal(target, { select: true, focus: true, expand: true });
      else revealCurrentBlock();
    }),
    vscode.commands.registerCommand('rnnLab.conceptCheck', (args?: ConceptCheckArgs | LessonNode) =>
      runConceptCheck({ store: checks, clock: () => clock, reveal: (check) => showLessonDocument(nodes.get(check.id) as LessonNode) }, args)),
    vscode.commands.registerCommand('rnnLab.startClassTimer', (args?: StartTimerArgs) => startClassTimer(timer, args)),
    vscode.commands.registerCommand('rnnLab.stopClassTimer', () => stopClassTimer(timer)),

    // Tree-item actions (contributed for the view's menus, hidden from the palette).
    vscode.commands.registerCommand('rnnLab.lesson.runDemo', (arg: unknown) => {
      const node = nodeOf(arg);
      const demo = node?.kind === 'bullet' ? node.bullet.demo : node?.kind === 'block' ? node.block.demo : undefined;
      if (!demo) {
        void vscode.window.showErrorMessage('RNN Lab: this lesson item has no demo. Use RNN Lab: Run Demo… to pick one.');
        return undefined;
      }
      return vscode.commands.executeCommand('rnnLab.runDemo', demo);
    }),
    vscode.commands.registerCommand('rnnLab.lesson.openLink', async (arg: unknown) => {
      const node = nodeOf(arg);
      if (node?.kind !== 'link') return;
      const value = readLink(node.link.id);
      if (value.kind === 'valid') await vscode.env.openExternal(vscode.Uri.parse(value.url));
      else await vscode.commands.executeCommand('workbench.action.openSettings', node.link.setting);
    }),
    vscode.commands.registerCommand('rnnLab.lesson.configureLink', async (arg: unknown) => {
      const node = nodeOf(arg);
      await vscode.commands.executeCommand('workbench.action.openSettings', node?.kind === 'link' ? node.link.setting : 'rnnLab.links');
    }),
    vscode.commands.registerCommand('rnnLab.lesson.answerCheck', (arg: unknown) => {
      const node = nodeOf(arg);
      return vscode.commands.executeCommand('rnnLab.conceptCheck', node?.kind === 'check' ? { checkId: node.check.id } : undefined);
    }),

    // What selecting a tree item does (the item's command; not contributed, so not in the palette).
    vscode.commands.registerCommand(OPEN_ITEM_COMMAND, async (arg: unknown) => {
      const node = nodeOf(arg);
      if (!node) {
        void vscode.window.showErrorMessage(`RNN Lab: no lesson item "${String(arg)}". Open the lesson with RNN Lab: Open Lesson.`);
        return undefined;
      }
      return (await showLessonDocument(node)).toString();
    }),
  );
  registerTestCommands(context, {
    'rnnLab.internal.lessonTree': () => snapshotTree(tree),
    'rnnLab.internal.lessonDocumentUri': (arg: unknown) => {
      const node = nodeOf(arg);
      return node ? lessonDocumentUri(node).toString() : undefined;
    },
    'rnnLab.internal.lessonSelection': () => view.selection.map((n) => n.id),
    'rnnLab.internal.timerState': () => timer.state(),
    'rnnLab.internal.setClock': (args?: { nowMs?: number; system?: boolean }) => {
      if (args?.system || typeof args?.nowMs !== 'number') clock = systemClock;
      else if (clock instanceof FixedClock) clock.set(args.nowMs);
      else clock = new FixedClock(args.nowMs);
      timer.tick();
      return timer.state();
    },
    'rnnLab.internal.reloadTimer': () => {
      timer.restore();
      return timer.state();
    },
    'rnnLab.internal.resetConceptChecks': () => checks.clear(),
  });
  warnAboutInvalidLinks();
}

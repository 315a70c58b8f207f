import * as vscode from 'vscode';
import { COURSE, SCHEDULES } from '../../lesson';
import type { TaskState } from '../labStatus';
import { taskStateLabel } from './labels';
import { LessonNodeIndex, type LessonNode, type SectionId } from './lessonNodes';
import type { LessonLiveState } from './lessonState';

export const OPEN_ITEM_COMMAND = 'rnnLab.lesson.openItem';

const SECTION_LOOK: Record<SectionId, { label: string; icon: string }> = {
  objectives: { label: 'Objectives', icon: 'target' },
  lecture: { label: 'Lecture (3 h)', icon: 'mortar-board' },
  practice: { label: 'Practice (2 h)', icon: 'code' },
  misconception: { label: 'Misconception', icon: 'warning' },
  checks: { label: 'Concept checks', icon: 'question' },
  pitfalls: { label: 'Pitfalls', icon: 'bug' },
  labTasks: { label: 'Lab tasks', icon: 'beaker' },
  takeaways: { label: 'Takeaways', icon: 'lightbulb' },
  course: { label: 'Course', icon: 'library' },
};

const TASK_ICON: Record<TaskState, [string, string | undefined]> = {
  pass: ['pass', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  error: ['warning', 'testing.iconErrored'],
  timeout: ['clock', 'testing.iconErrored'],
  todo: ['circle-large-outline', undefined],
  unchecked: ['circle-outline', undefined],
};

/** Maps the lesson's nodes to TreeItems, adding the live state (timer, answers, lab status, links). */
export class LessonTreeProvider implements vscode.TreeDataProvider<LessonNode> {
  private readonly changed = new vscode.EventEmitter<LessonNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(readonly nodes: LessonNodeIndex, private readonly state: LessonLiveState) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(element?: LessonNode): LessonNode[] {
    const children = element ? [...this.nodes.childrenOf(element)] : this.nodes.roots;
    // The "scaffold" entry only makes sense while the workspace has no lab.
    return children.filter((n) => n.kind !== 'scaffoldLab' || !this.state.hasLab);
  }

  getParent(element: LessonNode): LessonNode | undefined {
    return this.nodes.parentOf(element);
  }

  getTreeItem(node: LessonNode): vscode.TreeItem {
    const hasChildren = this.nodes.childrenOf(node).length > 0;
    const item = new vscode.TreeItem(this.label(node), hasChildren ? this.collapsedState(node) : vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.contextValue = this.contextValue(node);
    this.decorate(node, item);
    item.command = node.kind === 'scaffoldLab'
      ? { command: 'rnnLab.scaffoldLab', title: 'Scaffold Lab Files' }
      : { command: OPEN_ITEM_COMMAND, title: 'Show', arguments: [node.id] };
    item.accessibilityInformation = { label: `${item.label as string}${item.description ? `, ${String(item.description)}` : ''}` };
    return item;
  }

  private label(node: LessonNode): string {
    switch (node.kind) {
      case 'section': return SECTION_LOOK[node.section].label;
      case 'objective': return node.objective.text;
      case 'block': return node.block.title;
      case 'bullet': return node.bullet.text;
      case 'misconceptionPart': return node.part === 'belief' ? 'Students often think…' : 'Set it straight…';
      case 'check': return node.check.prompt;
      case 'pitfall': return node.pitfall.title;
      case 'labTask': return node.task.title;
      case 'scaffoldLab': return 'Scaffold the lab files…';
      case 'takeaway': return node.takeaway.text;
      case 'week': return node.which === 'previous' ? 'Previous week' : 'Next week';
      case 'link': return node.link.label;
    }
  }

  private collapsedState(node: LessonNode): vscode.TreeItemCollapsibleState {
    const timer = this.state.timer();
    const current = timer?.position.phase === 'running' ? timer.position.block.id : undefined;
    if (node.kind === 'section' && timer && node.section === timer.schedule) return vscode.TreeItemCollapsibleState.Expanded;
    if (node.kind === 'block' && node.block.id === current) return vscode.TreeItemCollapsibleState.Expanded;
    return vscode.TreeItemCollapsibleState.Collapsed;
  }

  private contextValue(node: LessonNode): string {
    switch (node.kind) {
      case 'block': return node.block.demo ? 'block.demo' : 'block';
      case 'bullet': return node.bullet.demo ? 'bullet.demo' : 'bullet';
      case 'link': return `link.${this.state.link(node.link.id).kind}`;
      case 'section': return `section.${node.section}`;
      default: return node.kind;
    }
  }

  /** Icon, description and tooltip: the part of each row that reflects live state. */
  private decorate(node: LessonNode, item: vscode.TreeItem): void {
    const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
    const timer = this.state.timer();
    const markdownTip = (text: string) => new vscode.MarkdownString(text);
    switch (node.kind) {
      case 'section': {
        item.iconPath = icon(SECTION_LOOK[node.section].icon);
        item.description = this.sectionDescription(node.section);
        item.tooltip = `${SECTION_LOOK[node.section].label} — select to read the whole section`;
        return;
      }
      case 'objective':
        item.iconPath = icon('check-all');
        item.tooltip = node.objective.text;
        return;
      case 'block': {
        const isNow = timer?.position.phase === 'running' && timer.position.block.id === node.block.id;
        item.iconPath = isNow ? icon('play-circle', 'charts.green') : icon(node.block.isBreak ? 'coffee' : node.block.demo ? 'play' : 'clock');
        item.description = isNow && timer.position.phase === 'running'
          ? `now · ${timer.position.minutesLeftInBlock} min left`
          : `${node.block.start}–${node.block.end} · ${node.block.minutes} min`;
        item.tooltip = markdownTip(`**${node.block.start}–${node.block.end}** (${node.block.minutes} min) · ${node.block.title}${node.block.summary ? `\n\n${node.block.summary}` : ''}`);
        return;
      }
      case 'bullet':
        item.iconPath = icon(node.bullet.demo ? 'play' : 'circle-small-filled');
        item.description = node.bullet.demo ? 'demo' : undefined;
        item.tooltip = node.bullet.demo ? `${node.bullet.text}\nRun the demo with the ▷ button.` : node.bullet.text;
        return;
      case 'misconceptionPart':
        item.iconPath = icon(node.part === 'belief' ? 'close' : 'check');
        item.tooltip = node.part === 'belief' ? 'What students often think (wrong)' : 'How to set it straight';
        return;
      case 'check': {
        const result = this.state.checkResult(node.check.id);
        item.iconPath = !result ? icon('question') : result.correct ? icon('pass', 'testing.iconPassed') : icon('error', 'testing.iconFailed');
        item.description = !result ? 'not answered' : result.correct ? 'answered · correct' : 'answered · not quite';
        item.tooltip = `${node.check.prompt}\n${result ? 'Select to see the answer and why.' : 'Answer it with RNN Lab: Concept Check…'}`;
        return;
      }
      case 'pitfall':
        item.iconPath = icon('warning');
        item.description = `${node.pitfall.task} · ${node.pitfall.hint}`;
        item.tooltip = markdownTip(`**${node.pitfall.title}**\n\n${node.pitfall.fix}`);
        return;
      case 'labTask': {
        const status = this.state.task(node.task.id);
        const [id, color] = TASK_ICON[status.state];
        item.iconPath = icon(id, color);
        item.description = `${node.task.id} · ${taskStateLabel(status.state)}`;
        item.tooltip = `${node.task.title}: ${node.task.summary}\n${status.message}`;
        return;
      }
      case 'scaffoldLab':
        item.iconPath = icon('new-folder');
        item.tooltip = 'No rnn.ts in this workspace yet: write the lab files (never overwrites).';
        return;
      case 'takeaway':
        item.iconPath = icon('lightbulb');
        item.tooltip = node.takeaway.text;
        return;
      case 'week': {
        const week = node.which === 'previous' ? COURSE.previous : COURSE.next;
        item.iconPath = icon(node.which === 'previous' ? 'arrow-left' : 'arrow-right');
        item.description = `Week ${week.number}: ${week.title}`;
        item.tooltip = `${node.which === 'previous' ? 'Previous' : 'Next'}: Week ${week.number}: ${week.title}`;
        return;
      }
      case 'link': {
        const value = this.state.link(node.link.id);
        item.iconPath = icon(value.kind === 'valid' ? 'link-external' : value.kind === 'invalid' ? 'warning' : 'link');
        item.description = value.kind === 'valid' ? value.url : value.kind === 'invalid' ? 'invalid address' : 'not set';
        item.tooltip = value.kind === 'invalid'
          ? `${node.link.setting} is not a usable address: ${value.problem}.`
          : `${node.link.description}\nSetting: ${node.link.setting}`;
        return;
      }
    }
  }

  private sectionDescription(section: SectionId): string | undefined {
    const timer = this.state.timer();
    const count = (n: number, what: string) => `${n} ${what}`;
    switch (section) {
      case 'lecture':
      case 'practice': {
        // The label already says the length ("Lecture (3 h)"): the description says what is on now.
        if (timer?.schedule === section && timer.position.phase === 'running') return `now: ${timer.position.block.title}`;
        return `${SCHEDULES[section].blocks.length} blocks`;
      }
      case 'checks': {
        const children = this.nodes.childrenOf(this.nodes.get('section.checks') as LessonNode);
        const answered = children.filter((n) => this.state.checkResult(n.id)).length;
        return `${answered}/${children.length} answered`;
      }
      case 'labTasks': {
        if (!this.state.hasLab) return 'no lab yet';
        const tasks = this.nodes.childrenOf(this.nodes.get('section.labTasks') as LessonNode).filter((n) => n.kind === 'labTask');
        const passed = tasks.filter((n) => n.kind === 'labTask' && this.state.task(n.task.id).state === 'pass').length;
        return `${passed}/${tasks.length} pass`;
      }
      case 'pitfalls': return count(this.nodes.childrenOf(this.nodes.get('section.pitfalls') as LessonNode).length, 'to pre-empt');
      case 'course': return `Week ${COURSE.week.number}`;
      default: return undefined;
    }
  }
}


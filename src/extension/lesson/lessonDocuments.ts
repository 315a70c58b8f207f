import * as vscode from 'vscode';
import { SECTION_LABELS, type LessonNode, type LessonNodeIndex } from './lessonNodes';
import type { LessonLiveState } from './lessonState';
import { renderNode } from './markdown';

/** Read-only virtual documents behind the sidebar items: `rnn-lab:/<node id>/<title>.md`. */
export const LESSON_SCHEME = 'rnn-lab';

export function lessonDocumentUri(node: LessonNode): vscode.Uri {
  return vscode.Uri.from({ scheme: LESSON_SCHEME, path: `/${node.id}/${documentTitle(node)}.md` });
}

/** The node id a lesson document belongs to (its first path segment). */
export function nodeIdOf(uri: vscode.Uri): string {
  return uri.path.split('/')[1] ?? '';
}

/** The preview's tab title is the file name: the item's own name, as the sidebar shows it. */
function documentTitle(node: LessonNode): string {
  const name = itemName(node);
  const short = name.length > TITLE_CHARS ? `${name.slice(0, TITLE_CHARS - 1).trimEnd()}…` : name;
  // Keep the path one segment long.
  return short.replace(/[/\\?#%]/g, ' ').trim() || 'lesson';
}

/** Long enough to tell items apart, short enough for a tab. */
const TITLE_CHARS = 48;

/** The item's name for a title: its sidebar label without live state. */
function itemName(node: LessonNode): string {
  switch (node.kind) {
    case 'section': return SECTION_LABELS[node.section];
    case 'objective': return `Objective: ${node.objective.text}`;
    case 'block': return node.block.title;
    case 'bullet': return node.bullet.text;
    case 'misconceptionPart': return node.part === 'belief' ? 'Misconception: students often think' : 'Misconception: set it straight';
    case 'check': return `Concept check: ${node.check.prompt}`;
    case 'pitfall':
    case 'trainingPitfall': return `Pitfall: ${node.pitfall.title}`;
    case 'labTask': return `Lab task: ${node.task.title}`;
    case 'scaffoldLab': return 'Scaffold the lab files';
    case 'takeaway': return `Takeaway: ${node.takeaway.text}`;
    case 'week': return node.which === 'previous' ? 'Previous week' : 'Next week';
    case 'link': return node.link.label;
    case 'reading': return `Reading notes: ${node.reading.short}`;
  }
}

export class LessonDocumentProvider implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly nodes: LessonNodeIndex, private readonly state: LessonLiveState) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const node = this.nodes.get(nodeIdOf(uri));
    if (!node) {
      return `# Not part of this lesson\n\n\`${uri.toString()}\` names no lesson item. Open the lesson with **RNN Lab: Open Lesson** and pick an item there.`;
    }
    return renderNode(node, this.state);
  }

  /** Re-renders every open lesson document (state changed: answers, lab status, timer, settings). */
  refreshOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === LESSON_SCHEME) this.changed.fire(doc.uri);
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * Opens a node's text as a rendered markdown preview, locked to that item: an unlocked preview
 * follows the active editor, so opening any other markdown file (the lab's README) would take it
 * over. A plain read-only editor if previews are unavailable.
 */
export async function showLessonDocument(node: LessonNode): Promise<vscode.Uri> {
  const uri = lessonDocumentUri(node);
  const doc = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri, [uri], { locked: true });
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return uri;
}

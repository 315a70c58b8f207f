import * as vscode from 'vscode';
import type { LessonNode, LessonNodeIndex } from './lessonNodes';
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

function documentTitle(node: LessonNode): string {
  const title = node.kind === 'section' ? node.section
    : node.kind === 'block' || node.kind === 'bullet' ? node.block.title
      : node.kind === 'check' ? 'Concept check'
        : node.kind === 'pitfall' || node.kind === 'trainingPitfall' ? 'Pitfall'
          : node.kind === 'labTask' ? `Lab task ${node.task.id}`
            : node.kind;
  // Keep the tab title readable and the path one segment long.
  return title.replace(/[/\\?#%]/g, ' ').trim() || 'lesson';
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

/** Opens a node's text as a rendered markdown preview; a plain read-only editor if previews are unavailable. */
export async function showLessonDocument(node: LessonNode): Promise<vscode.Uri> {
  const uri = lessonDocumentUri(node);
  const doc = await vscode.workspace.openTextDocument(uri);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(doc, { preview: true });
  }
  return uri;
}

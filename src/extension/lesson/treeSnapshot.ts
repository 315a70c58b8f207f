import * as vscode from 'vscode';
import type { LessonNode } from './lessonNodes';
import type { LessonTreeProvider } from './lessonTree';

/** One sidebar row as plain data, so tests in the extension host can read what the view shows. */
export interface TreeItemSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description: string | undefined;
  readonly tooltip: string | undefined;
  readonly contextValue: string | undefined;
  readonly icon: string | undefined;
  readonly iconColor: string | undefined;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  readonly command: { readonly command: string; readonly arguments: unknown[] } | undefined;
  readonly children: TreeItemSnapshot[];
}

export function snapshotTree(tree: LessonTreeProvider, parent?: LessonNode): TreeItemSnapshot[] {
  return tree.getChildren(parent).map((node) => {
    const item = tree.getTreeItem(node);
    const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
    return {
      id: node.id,
      label: typeof item.label === 'string' ? item.label : item.label?.label ?? '',
      description: typeof item.description === 'string' ? item.description : undefined,
      tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
      contextValue: item.contextValue,
      icon: icon?.id,
      iconColor: icon?.color?.id,
      collapsible: item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded ? 'expanded'
        : item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed ? 'collapsed' : 'none',
      command: item.command ? { command: item.command.command, arguments: [...(item.command.arguments ?? [])] } : undefined,
      children: snapshotTree(tree, node),
    };
  });
}

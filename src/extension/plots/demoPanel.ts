import * as vscode from 'vscode';
import { presenterOrder } from '../../demos/presenterOrder';
import { demoById, type DemoId } from '../../lesson/demos';
import type { DemoSettings, PresenterPosition, WebviewToHost } from '../../protocol';
import { saveExport } from './exportFile';
import { PanelConnection } from './panelConnection';
import type { PanelLog } from './panelLog';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const DEMO_VIEW_TYPE = 'rnnLab.demo';

export interface DemoDeps {
  readonly extensionUri: vscode.Uri;
  readonly log: PanelLog;
}

/** Where to open: one demo on its own, or a position in "Step through all". */
export interface DemoTarget {
  readonly demoId: DemoId;
  /** Index into presenterOrder(), or null for a single demo. */
  readonly presenterIndex: number | null;
  readonly settings: DemoSettings;
}

/** The one demo panel an instructor drives; "Step through all" moves it along the plan. */
export class DemoPanel implements vscode.Disposable {
  private static current: DemoPanel | undefined;
  private readonly connection: PanelConnection;
  /** The class's predictions in this session, in order (predict-then-run). */
  readonly predictions: string[] = [];

  static show(deps: DemoDeps, target: DemoTarget): DemoPanel {
    const open = DemoPanel.current;
    if (open) {
      open.target = target;
      open.connection.panel.reveal();
      open.send();
      return open;
    }
    const panel = vscode.window.createWebviewPanel(DEMO_VIEW_TYPE, titleOf(target), vscode.ViewColumn.Active, webviewOptions(deps.extensionUri));
    return new DemoPanel(panel, deps, target);
  }

  static revive(panel: vscode.WebviewPanel, deps: DemoDeps, target: DemoTarget): DemoPanel {
    DemoPanel.current?.dispose();
    panel.webview.options = webviewOptions(deps.extensionUri);
    return new DemoPanel(panel, deps, target);
  }

  private constructor(panel: vscode.WebviewPanel, deps: DemoDeps, private target: DemoTarget) {
    DemoPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'rnn-lab.svg');
    this.connection = new PanelConnection(panel, deps.log, () => this.send(), (m) => void this.handle(m));
    panel.onDidDispose(() => this.dispose());
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'demo', titleOf(target));
  }

  private send(): void {
    const demo = demoById(this.target.demoId);
    this.connection.setTitle(titleOf(this.target));
    this.connection.post({
      type: 'showDemo', demoId: demo.id, title: demo.title, lookFor: demo.lookFor,
      settings: this.target.settings, presenter: presenterPosition(this.target.presenterIndex),
    });
  }

  private async handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'navigate': {
        const order = presenterOrder();
        const from = this.target.presenterIndex ?? order.indexOf(this.target.demoId);
        const index = Math.min(order.length - 1, Math.max(0, from + (message.direction === 'next' ? 1 : -1)));
        this.target = { demoId: order[index], presenterIndex: index, settings: {} };
        this.send();
        return;
      }
      case 'prediction':
        this.predictions.push(message.choiceId);
        return;
      case 'export': {
        const near = vscode.workspace.workspaceFolders?.[0]?.uri;
        this.connection.post(await saveExport(message.format, message.suggestedName, message.data, near));
        return;
      }
      case 'runStudent':
      case 'rendered':
      case 'webviewError':
        return; // recorded by the connection's log
      default: {
        const unreachable: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  dispose(): void {
    if (DemoPanel.current === this) DemoPanel.current = undefined;
    this.connection.dispose();
    this.connection.panel.dispose();
  }
}

function titleOf(target: DemoTarget): string {
  const position = target.presenterIndex === null ? '' : ` (${target.presenterIndex + 1}/${presenterOrder().length})`;
  return `Demo${position}: ${demoById(target.demoId).title}`;
}

function presenterPosition(index: number | null): PresenterPosition | null {
  if (index === null) return null;
  const order = presenterOrder();
  return {
    index,
    total: order.length,
    previousTitle: index > 0 ? demoById(order[index - 1]).title : null,
    nextTitle: index < order.length - 1 ? demoById(order[index + 1]).title : null,
  };
}

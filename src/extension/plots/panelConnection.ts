import * as vscode from 'vscode';
import type { HostToWebview, WebviewToHost } from '../../protocol';
import { logPosted, logReceived, type PanelLog, type PanelRecord } from './panelLog';
import { validateWebviewMessage } from './validateWebviewMessage';

/**
 * The host's end of one panel's conversation: nothing is posted before the webview says `ready`;
 * then `onReady` sends everything the webview needs from the owner's current state (so a message
 * meant for a webview that was still loading is not lost, just superseded). Every incoming message
 * is validated. A reloaded webview says `ready` again and is sent its state again.
 */
export class PanelConnection implements vscode.Disposable {
  private ready = false;
  private readonly record: PanelRecord;
  private readonly subscription: vscode.Disposable;

  constructor(
    readonly panel: vscode.WebviewPanel,
    log: PanelLog,
    private readonly onReady: () => void,
    private readonly onMessage: (message: Exclude<WebviewToHost, { type: 'ready' }>) => void,
  ) {
    this.record = log.open(panel.viewType, panel.title);
    this.subscription = panel.webview.onDidReceiveMessage((data: unknown) => this.receive(data));
  }

  post(message: HostToWebview): void {
    if (!this.ready) return; // onReady will send the current state
    logPosted(this.record, message.type);
    void this.panel.webview.postMessage(message);
  }

  setTitle(title: string): void {
    this.panel.title = title;
    this.record.title = title;
  }

  private receive(data: unknown): void {
    const message = validateWebviewMessage(data);
    if (typeof message === 'string') {
      logReceived(this.record, { type: 'webviewError', message: `invalid message from the webview: ${message}` });
      return;
    }
    logReceived(this.record, message);
    if (message.type === 'ready') {
      this.ready = true;
      this.record.ready = true;
      this.record.readyAfterMs ??= Date.now() - this.record.openedAt;
      this.onReady();
      return;
    }
    this.onMessage(message);
  }

  dispose(): void {
    this.record.disposed = true;
    this.subscription.dispose();
  }
}

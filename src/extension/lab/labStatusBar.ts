import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';

/** "RNN Lab 3/5" in the status bar, from the LabStatusStore; click to check again. */
export class LabStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('rnnLab.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(private readonly labStatus: LabStatusStore) {
    this.item.name = 'RNN Lab';
    this.item.command = 'rnnLab.checkLab';
    this.subscription = labStatus.onDidChange(() => this.refresh());
  }

  /** The text shown now ('' when hidden): for the lab state query. */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  /** Shown while a check runs. */
  checking(): void {
    this.item.text = '$(sync~spin) RNN Lab checking…';
    this.show();
  }

  refresh(): void {
    if (!this.labStatus.labUri) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const all = this.labStatus.all();
    const passed = all.filter((e) => e.state === 'pass').length;
    this.item.text = `${passed === all.length ? '$(pass-filled)' : '$(beaker)'} RNN Lab ${passed}/${all.length}`;
    const md = new vscode.MarkdownString('**RNN Lab**: last check\n\n');
    for (const e of all) md.appendMarkdown(`- ${e.state === 'pass' ? '✓' : '✗'} \`${e.id}\`: ${e.state}${e.hint ? ` (${e.hint})` : ''}\n`);
    md.appendMarkdown('\nClick to check again.');
    this.item.tooltip = md;
    this.show();
  }

  private show(): void {
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

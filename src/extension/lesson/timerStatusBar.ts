import * as vscode from 'vscode';
import { SCHEDULES } from '../../lesson';
import { statusText, type ClassTimer } from './classTimer';

/** The status-bar item: current block and minutes left while the class timer runs. */
export function createTimerStatusBar(timer: ClassTimer): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('rnnLab.classTimer', vscode.StatusBarAlignment.Left, 50);
  item.name = 'RNN Lab class timer';
  item.command = 'rnnLab.openLesson';
  const render = () => {
    const snapshot = timer.snapshot();
    if (!snapshot) {
      item.hide();
      return;
    }
    item.text = `$(watch) ${statusText(snapshot)}`;
    const p = snapshot.position;
    const blocks = SCHEDULES[snapshot.schedule].blocks;
    const next = p.phase === 'running' ? blocks[p.blockIndex + 1] : undefined;
    item.tooltip = new vscode.MarkdownString(
      `**RNN Lab class timer** — ${SCHEDULES[snapshot.schedule].title}\n\n`
      + (p.phase === 'running' ? `Now: ${p.block.start}–${p.block.end} ${p.block.title}, ${p.minutesLeftInBlock} min left; ${p.minutesLeftInClass} min left in class.\n\n` : '')
      + (next ? `Next: ${next.start} ${next.title}\n\n` : '')
      + 'Click to open the lesson. Stop with RNN Lab: Stop Class Timer.');
    item.show();
  };
  render();
  const sub = timer.onDidChange(render);
  return vscode.Disposable.from(item, sub);
}

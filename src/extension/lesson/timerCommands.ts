import * as vscode from 'vscode';
import { SCHEDULES, formatDuration, isScheduleId, type ScheduleId } from '../../lesson';
import type { ClassTimer } from './classTimer';

/**
 * Optional arguments of `rnnLab.startClassTimer`, to skip the prompts:
 * `{ schedule: 'lecture' | 'practice', startedMinutesAgo?: number }`.
 */
export interface StartTimerArgs {
  readonly schedule?: string;
  readonly startedMinutesAgo?: number;
}

export async function startClassTimer(timer: ClassTimer, args?: StartTimerArgs): Promise<boolean> {
  const given = args && typeof args === 'object' ? args : {};
  let schedule: ScheduleId | undefined;
  if (given.schedule !== undefined) {
    if (!isScheduleId(given.schedule)) {
      void vscode.window.showErrorMessage(`RNN Lab: cannot start the class timer for "${given.schedule}": use "lecture" or "practice".`);
      return false;
    }
    schedule = given.schedule;
  } else {
    const picked = await vscode.window.showQuickPick(
      (['lecture', 'practice'] as const).map((id) => ({
        label: `${SCHEDULES[id].title} (${formatDuration(SCHEDULES[id].totalMinutes)})`,
        description: `${SCHEDULES[id].blocks.length} blocks`,
        id,
      })),
      { title: 'RNN Lab: Start Class Timer', placeHolder: 'Which session is starting?', ignoreFocusOut: true },
    );
    if (!picked) return false;
    schedule = picked.id;
  }

  let minutesAgo = given.startedMinutesAgo;
  if (minutesAgo === undefined && given.schedule === undefined) {
    const typed = await vscode.window.showInputBox({
      title: `Start the ${SCHEDULES[schedule].title.toLowerCase()} timer`,
      prompt: 'Started how many minutes ago? Leave empty to start now.',
      placeHolder: '0',
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' || validMinutes(Number(text), schedule) ? undefined
        : `Enter a whole number of minutes from 0 to ${SCHEDULES[schedule].totalMinutes}.`),
    });
    if (typed === undefined) return false;
    minutesAgo = typed.trim() === '' ? 0 : Number(typed);
  }
  minutesAgo ??= 0;
  if (!validMinutes(minutesAgo, schedule)) {
    void vscode.window.showErrorMessage(
      `RNN Lab: startedMinutesAgo must be a number of minutes from 0 to ${SCHEDULES[schedule].totalMinutes}, got ${String(minutesAgo)}.`);
    return false;
  }
  await timer.start(schedule, minutesAgo);
  return true;
}

function validMinutes(value: number, schedule: ScheduleId): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= SCHEDULES[schedule].totalMinutes;
}

export async function stopClassTimer(timer: ClassTimer): Promise<void> {
  if (!timer.running) {
    void vscode.window.showInformationMessage('RNN Lab: the class timer is not running. Start it with RNN Lab: Start Class Timer.');
    return;
  }
  await timer.stop();
}

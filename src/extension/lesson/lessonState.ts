import type { CourseLinkId, LinkValue, ScheduleId, TimerPosition } from '../../lesson';
import type { LabTaskId } from '../../lesson/labTasks';
import type { TaskStatusEntry } from '../labStatus';

/** A student's recorded answer to one concept check. */
export interface CheckResult {
  readonly answerIndex: number;
  readonly correct: boolean;
  readonly answeredAtMs: number;
}

/** The class timer as the sidebar and status bar show it. */
export interface TimerSnapshot {
  readonly schedule: ScheduleId;
  readonly startedAtMs: number;
  readonly elapsedMinutes: number;
  readonly position: TimerPosition;
}

/** Everything live the sidebar and the lesson documents show next to the static lesson data. */
export interface LessonLiveState {
  readonly hasLab: boolean;
  task(id: LabTaskId): TaskStatusEntry;
  checkResult(checkId: string): CheckResult | undefined;
  link(id: CourseLinkId): LinkValue;
  timer(): TimerSnapshot | undefined;
}

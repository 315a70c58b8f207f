import * as vscode from 'vscode';
import { SCHEDULES, isScheduleId, timerPosition, type ScheduleId } from '../../lesson';
import type { Clock } from './clock';
import type { TimerSnapshot } from './lessonState';

const KEY = 'rnnLab.classTimer';
/** How long after its end a persisted timer is still restored. */
const STALE_AFTER_MINUTES = 60;

/** What is persisted, so the timer survives a window reload. */
interface TimerRecord {
  readonly schedule: ScheduleId;
  readonly startedAtMs: number;
}

/** The timer's state for tests (`rnnLab.internal.timerState`). */
export interface TimerState {
  readonly running: boolean;
  readonly snapshot: TimerSnapshot | undefined;
  readonly statusText: string | undefined;
  /** Block-change notifications so far (shown, or silenced by the setting). */
  readonly notifications: readonly { readonly message: string; readonly shown: boolean }[];
}

/**
 * Follows the lecture or practice schedule live from a start time. Time comes from `clock()` so a
 * test can freeze it; `tick()` re-reads it (every 15 s in real use, immediately when a test moves it).
 */
export class ClassTimer implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<{ blockChanged: boolean }>();
  readonly onDidChange = this.changed.event;
  private record: TimerRecord | undefined;
  private lastBlockId: string | undefined;
  private lastStatus: string | undefined;
  private interval: ReturnType<typeof setInterval> | undefined;
  private readonly notifications: { message: string; shown: boolean }[] = [];

  constructor(
    private readonly memento: vscode.Memento,
    private readonly clock: () => Clock,
    private readonly notify: (message: string) => boolean,
  ) {
    this.restore();
  }

  /** Reads the persisted timer again, as a reloaded window does. */
  restore(): void {
    const saved = this.memento.get<TimerRecord>(KEY);
    this.record = saved && isScheduleId(saved.schedule) && Number.isFinite(saved.startedAtMs) ? saved : undefined;
    // A timer left running after class (say, until the next morning) is forgotten rather than shown.
    const position = this.snapshot()?.position;
    if (position?.phase === 'finished' && position.minutesOver > STALE_AFTER_MINUTES) {
      this.record = undefined;
      void this.memento.update(KEY, undefined);
    }
    this.lastBlockId = this.currentBlockId();
    this.lastStatus = undefined;
    this.updateInterval();
    this.changed.fire({ blockChanged: false });
  }

  async start(schedule: ScheduleId, startedMinutesAgo: number): Promise<void> {
    this.record = { schedule, startedAtMs: this.clock().now() - startedMinutesAgo * 60_000 };
    await this.memento.update(KEY, this.record);
    this.lastBlockId = this.currentBlockId();
    this.lastStatus = undefined;
    this.updateInterval();
    this.changed.fire({ blockChanged: true });
  }

  async stop(): Promise<void> {
    this.record = undefined;
    this.lastBlockId = undefined;
    await this.memento.update(KEY, undefined);
    this.updateInterval();
    this.changed.fire({ blockChanged: true });
  }

  get running(): boolean {
    return this.record !== undefined;
  }

  snapshot(): TimerSnapshot | undefined {
    if (!this.record) return undefined;
    const elapsedMinutes = (this.clock().now() - this.record.startedAtMs) / 60_000;
    return { ...this.record, elapsedMinutes, position: timerPosition(SCHEDULES[this.record.schedule], elapsedMinutes) };
  }

  /** Re-reads the clock; announces a block change once, and fires only when something visible changed. */
  tick(): void {
    const snapshot = this.snapshot();
    if (!snapshot) return;
    const blockId = this.currentBlockId();
    const blockChanged = blockId !== this.lastBlockId;
    if (blockChanged) {
      this.lastBlockId = blockId;
      const message = announcement(snapshot);
      this.notifications.push({ message, shown: this.notify(message) });
    }
    const status = statusText(snapshot);
    if (blockChanged || status !== this.lastStatus) {
      this.lastStatus = status;
      this.changed.fire({ blockChanged });
    }
  }

  state(): TimerState {
    const snapshot = this.snapshot();
    return {
      running: this.running,
      snapshot,
      statusText: snapshot ? statusText(snapshot) : undefined,
      notifications: [...this.notifications],
    };
  }

  private currentBlockId(): string | undefined {
    const position = this.snapshot()?.position;
    return position ? (position.phase === 'running' ? position.block.id : position.phase) : undefined;
  }

  private updateInterval(): void {
    if (this.record && !this.interval) this.interval = setInterval(() => this.tick(), 15_000);
    if (!this.record && this.interval) {
      clearInterval(this.interval);
      this.interval = undefined;
    }
  }

  dispose(): void {
    if (this.interval) clearInterval(this.interval);
    this.changed.dispose();
  }
}

/** The status-bar text: "Lecture · Recurrence and BPTT · 33 min left". */
export function statusText(snapshot: TimerSnapshot): string {
  const title = SCHEDULES[snapshot.schedule].title;
  const p = snapshot.position;
  switch (p.phase) {
    case 'notStarted': return `${title} starts in ${p.minutesToStart} min`;
    case 'running': return `${title} · ${p.block.title} · ${p.minutesLeftInBlock} min left`;
    case 'finished': return `${title} finished${p.minutesOver > 0 ? ` (${p.minutesOver} min over)` : ''}`;
  }
}

function announcement(snapshot: TimerSnapshot): string {
  const p = snapshot.position;
  const title = SCHEDULES[snapshot.schedule].title;
  if (p.phase === 'running') {
    const next = SCHEDULES[snapshot.schedule].blocks[p.blockIndex + 1];
    return `${title}, now ${p.block.start}–${p.block.end}: ${p.block.title} (${p.block.minutes} min).${next ? ` Next: ${next.title}.` : ''}`;
  }
  return p.phase === 'finished' ? `${title}: the schedule is over. Stop the timer with RNN Lab: Stop Class Timer.` : `${title} has not started yet.`;
}

import { clockToMinutes, type Schedule, type ScheduleBlock } from './schedule';

/** Where a class is on its schedule, `elapsedMinutes` after it started. */
export type TimerPosition =
  | { readonly phase: 'notStarted'; readonly minutesToStart: number }
  | {
    readonly phase: 'running';
    readonly blockIndex: number;
    readonly block: ScheduleBlock;
    /** Whole minutes left in the block, rounded up (a block with 20 s left still shows 1 min). */
    readonly minutesLeftInBlock: number;
    readonly minutesLeftInClass: number;
  }
  | { readonly phase: 'finished'; readonly minutesOver: number };

export function timerPosition(schedule: Schedule, elapsedMinutes: number): TimerPosition {
  if (elapsedMinutes < 0) return { phase: 'notStarted', minutesToStart: Math.ceil(-elapsedMinutes) };
  const blockIndex = schedule.blocks.findIndex((b) => elapsedMinutes < clockToMinutes(b.end));
  if (blockIndex < 0) return { phase: 'finished', minutesOver: Math.floor(elapsedMinutes - schedule.totalMinutes) };
  const block = schedule.blocks[blockIndex];
  return {
    phase: 'running',
    blockIndex,
    block,
    minutesLeftInBlock: Math.ceil(clockToMinutes(block.end) - elapsedMinutes),
    minutesLeftInClass: Math.ceil(schedule.totalMinutes - elapsedMinutes),
  };
}

import type { DemoId } from './demos';

/** One bullet point of a schedule block; `demo` links it to an instructor demo the sidebar can run. */
export interface ScheduleBullet {
  readonly text: string;
  readonly demo?: DemoId;
}

/** A phrase of a block's summary that one demo shows (the lecture's live demo runs three). */
export interface ScheduleDemoPart {
  readonly text: string;
  readonly demo: DemoId;
}

/** One block of a class, with times as the plan writes them ("h:mm" from the start of the class). */
export interface ScheduleBlock {
  readonly id: string;
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
  readonly title: string;
  /** The plan's sentence(s) for blocks without bullet points. */
  readonly summary?: string;
  readonly bullets: readonly ScheduleBullet[];
  /** The demo the whole block is about (the lecture's live demo). */
  readonly demo?: DemoId;
  /** The parts of the block's summary, each with the demo that shows it, in the plan's order. */
  readonly demoParts?: readonly ScheduleDemoPart[];
  readonly isBreak?: boolean;
}

export type ScheduleId = 'lecture' | 'practice';

export interface Schedule {
  readonly id: ScheduleId;
  readonly title: string;
  readonly totalMinutes: number;
  /** The plan's introduction to the session, if any. */
  readonly intro?: string;
  readonly blocks: readonly ScheduleBlock[];
}

export const LECTURE: Schedule = {
  id: 'lecture',
  title: 'Lecture',
  totalMinutes: 180,
  blocks: [
    {
      id: 'lecture.recap', start: '0:00', end: '0:10', minutes: 10, title: 'Recap & retrieval',
      summary: "Open with two quick questions on last week's material (retrieval practice), then state this week's objectives.",
      bullets: [],
    },
    {
      id: 'lecture.motivation', start: '0:10', end: '0:25', minutes: 15, title: 'Motivation',
      summary: 'Sequences need memory; how recurrence shares parameters across time, and why it struggles.',
      bullets: [],
    },
    {
      id: 'lecture.recurrence', start: '0:25', end: '1:10', minutes: 45, title: 'Recurrence and BPTT',
      bullets: [
        { text: 'An RNN processes a sequence step by step, carrying a hidden state forward.' },
        { text: 'The same weights are reused at every time step (weight sharing across time).' },
        { text: 'Unrolling over time turns the recurrence into a deep feedforward graph.' },
        { text: 'Backpropagation through time applies the chain rule across that unrolled graph.' },
      ],
    },
    { id: 'lecture.break', start: '1:10', end: '1:20', minutes: 10, title: 'Break', bullets: [], isBreak: true },
    {
      id: 'lecture.gradients', start: '1:20', end: '2:05', minutes: 45, title: 'Vanishing and exploding gradients',
      bullets: [
        { text: 'Repeated multiplication by the recurrent weights shrinks or grows gradients exponentially.' },
        { text: 'Vanishing gradients make long-range dependencies nearly unlearnable.', demo: 'horizon' },
        { text: 'Exploding gradients are tamed with gradient clipping.' },
        { text: 'These problems motivate the gated units in the next lecture.' },
      ],
    },
    {
      id: 'lecture.liveDemo', start: '2:05', end: '2:35', minutes: 30, title: 'Live demo (predict, then run)',
      summary: 'Ask the class to predict how the gradient reaching the first step changes as the sequence gets longer, then plot it. '
        + 'Train a plain RNN, plot the gradient reaching the first step versus sequence length, and apply clipping.',
      bullets: [],
      demo: 'predictThenRun',
      demoParts: [
        { text: 'Ask the class to predict how the gradient reaching the first step changes as the sequence gets longer, then plot it', demo: 'predictThenRun' },
        { text: 'Train a plain RNN', demo: 'train' },
        { text: 'plot the gradient reaching the first step versus sequence length', demo: 'predictThenRun' },
        { text: 'apply clipping', demo: 'clipping' },
      ],
    },
    {
      id: 'lecture.wrapUp', start: '2:35', end: '2:50', minutes: 15, title: 'Wrap-up & practice preview',
      summary: 'Revisit the misconception and concept checks below, recap the takeaways, and preview the practice lesson.',
      bullets: [],
      demo: 'gating',
    },
    { id: 'lecture.buffer', start: '2:50', end: '3:00', minutes: 10, title: 'Buffer & questions', bullets: [] },
  ],
};

export const PRACTICE: Schedule = {
  id: 'practice',
  title: 'Practice',
  totalMinutes: 120,
  intro: 'In the practice lesson the instructor demonstrates implementations, runs code, and works through examples, '
    + 'using the practice notebook linked below. The weekly lab is then set as homework, where students apply this themselves.',
  blocks: [
    {
      id: 'practice.setup', start: '0:00', end: '0:10', minutes: 10, title: 'Setup & recap',
      summary: "Recap the lecture's key ideas and open the working notebook.",
      bullets: [],
    },
    {
      id: 'practice.demos', start: '0:10', end: '1:00', minutes: 50, title: 'Instructor demonstrations',
      bullets: [
        { text: 'Build a plain RNN on a short sequence task and run it.', demo: 'train' },
        { text: 'Plot gradient norms across time steps to expose vanishing gradients.', demo: 'gradientNorms' },
      ],
    },
    { id: 'practice.break', start: '1:00', end: '1:05', minutes: 5, title: 'Break', bullets: [], isBreak: true },
    {
      id: 'practice.demosContinued', start: '1:05', end: '1:45', minutes: 40, title: 'Instructor demonstrations (continued)',
      bullets: [{ text: 'Demonstrate gradient clipping.', demo: 'clipping' }],
    },
    {
      id: 'practice.wrapUp', start: '1:45', end: '2:00', minutes: 15, title: 'Wrap-up & lab brief',
      summary: 'Summarize the patterns shown and brief the weekly lab (homework), which students complete on their own.',
      bullets: [],
    },
  ],
};

export const SCHEDULES: Readonly<Record<ScheduleId, Schedule>> = { lecture: LECTURE, practice: PRACTICE };

export function isScheduleId(value: unknown): value is ScheduleId {
  return value === 'lecture' || value === 'practice';
}

/** "1:05" → 65. Throws on anything that is not h:mm. */
export function clockToMinutes(clock: string): number {
  const match = /^(\d+):([0-5]\d)$/.exec(clock);
  if (!match) throw new Error(`Expected a time like "1:05", got "${clock}".`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 65 → "1:05". */
export function minutesToClock(minutes: number): string {
  const whole = Math.floor(minutes);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** "3 h", "2 h", "45 min": how the sidebar names a duration. */
export function formatDuration(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

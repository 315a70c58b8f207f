/** Where this week sits in the course, and the resources the plan links (filled in by the instructor). */
export interface Week {
  readonly number: number;
  readonly title: string;
}

export const COURSE = {
  name: 'Introduction to Deep Learning · HIT',
  part: 'Part III · Architectures & Representation Learning',
  week: { number: 10, title: 'Recurrent Networks (RNNs)' },
  previous: { number: 9, title: 'Convolutional Networks II' },
  next: { number: 11, title: 'LSTMs, GRUs & Sequence Tasks' },
} as const;

export type CourseLinkId = 'practiceNotebook' | 'references' | 'homeworkLab';

export interface CourseLink {
  readonly id: CourseLinkId;
  /** The link text the plan uses. */
  readonly label: string;
  /** The setting that holds its address: `rnnLab.links.<id>`. */
  readonly setting: `rnnLab.links.${CourseLinkId}`;
  readonly description: string;
}

export const COURSE_LINKS: readonly CourseLink[] = [
  {
    id: 'practiceNotebook', label: 'Open the practice notebook in Colab', setting: 'rnnLab.links.practiceNotebook',
    description: 'The notebook the instructor works through in the practice lesson.',
  },
  {
    id: 'references', label: 'Curated references', setting: 'rnnLab.links.references',
    description: 'Reading for this week, chosen by the instructor.',
  },
  {
    id: 'homeworkLab', label: 'Lab (homework)', setting: 'rnnLab.links.homeworkLab',
    description: 'The weekly lab page, set as homework after the practice lesson.',
  },
];

/** What a link setting holds: nothing yet, a usable address, or something that is not one. */
export type LinkValue =
  | { readonly kind: 'notSet' }
  | { readonly kind: 'valid'; readonly url: string }
  | { readonly kind: 'invalid'; readonly raw: string; readonly problem: string };

/** Accepts empty (not set) or an absolute http(s) address. */
export function parseLinkSetting(raw: unknown): LinkValue {
  if (raw === undefined || raw === null) return { kind: 'notSet' };
  if (typeof raw !== 'string') return { kind: 'invalid', raw: String(raw), problem: 'it is not text' };
  const trimmed = raw.trim();
  if (trimmed === '') return { kind: 'notSet' };
  // The lesson layer has no URL class (no DOM, no Node), so a small check of the parts we rely on.
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (!scheme) return { kind: 'invalid', raw, problem: 'it is not a full web address (it should start with https://)' };
  if (!/^https?$/i.test(scheme[1])) {
    return { kind: 'invalid', raw, problem: `it uses "${scheme[1]}:" instead of https:` };
  }
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(trimmed)) {
    return { kind: 'invalid', raw, problem: 'it has no host name after https://, or contains spaces' };
  }
  return { kind: 'valid', url: trimmed };
}

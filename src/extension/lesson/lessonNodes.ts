import {
  COURSE_LINKS, CONCEPT_CHECKS, LAB_TASKS, LECTURE, OBJECTIVES, PITFALLS, PRACTICE, READINGS, TAKEAWAYS, TRAINING_PITFALLS, checksPosedIn,
  type ConceptCheck, type CourseLink, type LabTask, type Objective, type Pitfall, type Schedule,
  type Reading, type ScheduleBlock, type ScheduleBullet, type Takeaway, type TrainingPitfall,
} from '../../lesson';

export type SectionId =
  | 'objectives' | 'lecture' | 'practice' | 'misconception' | 'checks' | 'pitfalls' | 'labTasks' | 'takeaways' | 'course';

/**
 * The sidebar's elements: plain objects built once from the lesson data, each with a stable id.
 * Live state (timer, lab status, answers) is looked up when a TreeItem is made, not stored here.
 */
export type LessonNode =
  | { readonly kind: 'section'; readonly id: `section.${SectionId}`; readonly section: SectionId }
  | { readonly kind: 'objective'; readonly id: string; readonly objective: Objective }
  | { readonly kind: 'block'; readonly id: string; readonly schedule: Schedule; readonly block: ScheduleBlock }
  | { readonly kind: 'bullet'; readonly id: string; readonly schedule: Schedule; readonly block: ScheduleBlock; readonly bullet: ScheduleBullet }
  | { readonly kind: 'misconceptionPart'; readonly id: string; readonly part: 'belief' | 'correction' }
  | { readonly kind: 'check'; readonly id: string; readonly check: ConceptCheck }
  | { readonly kind: 'pitfall'; readonly id: string; readonly pitfall: Pitfall }
  | { readonly kind: 'trainingPitfall'; readonly id: string; readonly pitfall: TrainingPitfall }
  | { readonly kind: 'labTask'; readonly id: string; readonly task: LabTask }
  | { readonly kind: 'scaffoldLab'; readonly id: 'labTasks.scaffold' }
  | { readonly kind: 'takeaway'; readonly id: string; readonly takeaway: Takeaway }
  | { readonly kind: 'week'; readonly id: 'course.previous' | 'course.next'; readonly which: 'previous' | 'next' }
  | { readonly kind: 'link'; readonly id: string; readonly link: CourseLink }
  | { readonly kind: 'reading'; readonly id: string; readonly reading: Reading };

export const SECTION_ORDER: readonly SectionId[] = [
  'objectives', 'lecture', 'practice', 'misconception', 'checks', 'pitfalls', 'labTasks', 'takeaways', 'course',
];

/** Each section's name, as the sidebar and the preview titles show it. */
export const SECTION_LABELS: Record<SectionId, string> = {
  objectives: 'Objectives',
  lecture: 'Lecture (3 h)',
  practice: 'Practice (2 h)',
  misconception: 'Misconception',
  checks: 'Concept checks',
  pitfalls: 'Pitfalls',
  labTasks: 'Lab tasks',
  takeaways: 'Takeaways',
  course: 'Course',
};

/** Every node, its children and its parent, built once. */
export class LessonNodeIndex {
  readonly roots: LessonNode[];
  private readonly byId = new Map<string, LessonNode>();
  private readonly children = new Map<string, LessonNode[]>();
  private readonly parents = new Map<string, LessonNode>();

  constructor() {
    this.roots = SECTION_ORDER.map((section) => this.add({ kind: 'section', id: `section.${section}`, section }));
    this.addChildren('section.objectives', OBJECTIVES.map((objective) => ({ kind: 'objective', id: objective.id, objective })));
    for (const schedule of [LECTURE, PRACTICE]) {
      this.addChildren(`section.${schedule.id}`, schedule.blocks.map((block) => ({ kind: 'block', id: block.id, schedule, block })));
      for (const block of schedule.blocks) {
        // A block's bullets, then the concept checks the plan poses in it (the same checks as under "Concept checks").
        this.addChildren(block.id, [
          ...block.bullets.map((bullet, i): LessonNode => ({ kind: 'bullet', id: `${block.id}.bullet${i + 1}`, schedule, block, bullet })),
          ...checksPosedIn(block.id).map((check): LessonNode => ({ kind: 'check', id: `${block.id}.${check.id}`, check })),
        ]);
      }
    }
    this.addChildren('section.misconception', [
      { kind: 'misconceptionPart', id: 'misconception.belief', part: 'belief' },
      { kind: 'misconceptionPart', id: 'misconception.correction', part: 'correction' },
    ]);
    this.addChildren('section.checks', CONCEPT_CHECKS.map((check) => ({ kind: 'check', id: check.id, check })));
    this.addChildren('section.pitfalls', [
      ...PITFALLS.map((pitfall): LessonNode => ({ kind: 'pitfall', id: pitfall.id, pitfall })),
      ...TRAINING_PITFALLS.map((pitfall): LessonNode => ({ kind: 'trainingPitfall', id: pitfall.id, pitfall })),
    ]);
    this.addChildren('section.labTasks', [
      { kind: 'scaffoldLab', id: 'labTasks.scaffold' },
      ...LAB_TASKS.map((task): LessonNode => ({ kind: 'labTask', id: `labTask.${task.id}`, task })),
    ]);
    this.addChildren('section.takeaways', TAKEAWAYS.map((takeaway) => ({ kind: 'takeaway', id: takeaway.id, takeaway })));
    this.addChildren('section.course', [
      { kind: 'week', id: 'course.previous', which: 'previous' },
      { kind: 'week', id: 'course.next', which: 'next' },
      ...COURSE_LINKS.map((link): LessonNode => ({ kind: 'link', id: `course.link.${link.id}`, link })),
      ...READINGS.map((reading): LessonNode => ({ kind: 'reading', id: reading.id, reading })),
    ]);
  }

  get(id: string): LessonNode | undefined {
    return this.byId.get(id);
  }

  childrenOf(node: LessonNode): readonly LessonNode[] {
    return this.children.get(node.id) ?? [];
  }

  parentOf(node: LessonNode): LessonNode | undefined {
    return this.parents.get(node.id);
  }

  all(): LessonNode[] {
    return [...this.byId.values()];
  }

  private add(node: LessonNode): LessonNode {
    if (this.byId.has(node.id)) throw new Error(`Duplicate lesson node id "${node.id}".`);
    this.byId.set(node.id, node);
    return node;
  }

  private addChildren(parentId: string, nodes: LessonNode[]): void {
    const parent = this.byId.get(parentId);
    if (!parent) throw new Error(`Unknown parent "${parentId}".`);
    this.children.set(parentId, nodes.map((n) => this.add(n)));
    for (const n of nodes) this.parents.set(n.id, parent);
  }
}

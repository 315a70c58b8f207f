import {
  COURSE, COURSE_LINKS, CONCEPT_CHECKS, HINT_DESCRIPTIONS, LAB_TASKS, LECTURE, MISCONCEPTION, OBJECTIVES, PITFALLS,
  PRACTICE, READINGS, TAKEAWAYS, TRAINING_PITFALLS, checksPosedIn, demoById, formatDuration, placeLabel,
  type ConceptCheck, type CourseLink, type LabTask, type Pitfall, type Reading, type Schedule, type ScheduleBlock, type TrainingPitfall,
} from '../../lesson';
import type { LessonNode, SectionId } from './lessonNodes';
import type { LessonLiveState } from './lessonState';
import { taskStateLabel } from './labels';

/** The full text behind a sidebar item, as markdown: what a student sees when selecting it. */
export function renderNode(node: LessonNode, state: LessonLiveState): string {
  switch (node.kind) {
    case 'section': return renderSection(node.section, state);
    case 'objective': return `# Learning objective\n\nAfter this week you can:\n\n- ${node.objective.text}\n\n${allObjectives()}`;
    case 'block': return `# ${node.schedule.title}: ${node.block.title}\n\n${renderBlock(node.block, state)}`;
    case 'bullet': return `# ${node.schedule.title}: ${node.block.title}\n\n**${node.bullet.text}**\n\n${renderBlock(node.block, state)}`;
    case 'misconceptionPart': return renderMisconception();
    case 'check': return renderCheck(node.check, state);
    case 'pitfall': return `# Pitfall: ${node.pitfall.title}\n\n${renderPitfall(node.pitfall)}`;
    case 'trainingPitfall': return `# Pitfall: ${node.pitfall.title}\n\n${renderTrainingPitfall(node.pitfall)}`;
    case 'labTask': return renderTask(node.task, state);
    case 'scaffoldLab': return renderScaffold(state);
    case 'takeaway': return `# Key takeaway\n\n> ${node.takeaway.text}\n\n## All takeaways\n\n${list(TAKEAWAYS.map((t) => t.text))}`;
    case 'week': return renderCourse(state);
    case 'link': return renderLink(node.link, state);
    case 'reading': return `# Reading notes: ${node.reading.short}\n\n${renderReading(node.reading)}`;
    default: return assertNever(node);
  }
}

function renderSection(section: SectionId, state: LessonLiveState): string {
  switch (section) {
    case 'objectives': return allObjectives();
    case 'lecture': return renderSchedule(LECTURE, state);
    case 'practice': return renderSchedule(PRACTICE, state);
    case 'misconception': return renderMisconception();
    case 'checks': return `# Concept checks\n\nAnswer first (**RNN Lab: Concept Check…**), then the answer is revealed here.\n\n${CONCEPT_CHECKS.map((c) => renderCheckBody(c, state)).join('\n\n---\n\n')}`;
    case 'pitfalls': return `# Common pitfalls to pre-empt\n\n## In the lab\n\n${PITFALLS.map((p) => `### ${p.title}\n\n${renderPitfall(p)}`).join('\n\n')}`
      + `\n\n## When training\n\n${TRAINING_PITFALLS.map((p) => `### ${p.title}\n\n${renderTrainingPitfall(p)}`).join('\n\n')}`;
    case 'labTasks': return `# Lab tasks\n\n${state.hasLab ? '' : `${renderScaffold(state)}\n\n`}${LAB_TASKS.map((t) => `## \`${t.id}\`: ${t.title} — ${taskStateLabel(state.task(t.id).state)}\n\n${t.summary}`).join('\n\n')}`;
    case 'takeaways': return `# Key takeaways\n\n${list(TAKEAWAYS.map((t) => t.text))}`;
    case 'course': return renderCourse(state);
    default: return assertNever(section);
  }
}

function allObjectives(): string {
  return `# Learning objectives — Week ${COURSE.week.number}: ${COURSE.week.title}\n\nAfter this week you can:\n\n${list(OBJECTIVES.map((o) => o.text))}`;
}

function renderSchedule(schedule: Schedule, state: LessonLiveState): string {
  const intro = schedule.intro ? `${schedule.intro}\n\n` : '';
  const blocks = schedule.blocks.map((b) => `## ${b.start}–${b.end} · ${b.title} (${b.minutes} min)${nowMark(b, state)}\n\n${renderBlockBody(b)}`);
  return `# ${schedule.title} · ${formatDuration(schedule.totalMinutes)}\n\n${intro}${blocks.join('\n\n')}`;
}

function renderBlock(block: ScheduleBlock, state: LessonLiveState): string {
  return `**${block.start}–${block.end}** · ${block.minutes} min${nowMark(block, state)}\n\n${renderBlockBody(block)}`;
}

function renderBlockBody(block: ScheduleBlock): string {
  const parts: string[] = [];
  if (block.summary) parts.push(block.summary);
  if (block.bullets.length) {
    parts.push(list(block.bullets.map((b) => (b.demo ? `${b.text} — demo: ${demoLine(b.demo)}` : b.text))));
  }
  if (block.demoParts) parts.push(`Demos:\n\n${list(block.demoParts.map((d) => `${d.text}: ${demoLine(d.demo)}`))}`);
  else if (block.demo) parts.push(`Demo: ${demoLine(block.demo)}`);
  const checks = checksPosedIn(block.id);
  if (checks.length) parts.push(`Concept checks to pose here (students answer before the answer is revealed):\n\n${list(checks.map(checkLine))}`);
  if (parts.length === 0) parts.push(block.isBreak ? '_Break._' : '_Open time for questions._');
  return parts.join('\n\n');
}

function demoLine(id: Parameters<typeof demoById>[0]): string {
  const demo = demoById(id);
  return `*${demo.title}* ([run it](command:rnnLab.runDemo?${encodeURIComponent(JSON.stringify([id]))})). Look for: ${demo.lookFor}`;
}

function checkLine(check: ConceptCheck): string {
  return `${check.prompt} ([ask it](command:rnnLab.conceptCheck?${encodeURIComponent(JSON.stringify([{ checkId: check.id }]))}))`;
}

function nowMark(block: ScheduleBlock, state: LessonLiveState): string {
  const timer = state.timer();
  if (timer?.position.phase !== 'running' || timer.position.block.id !== block.id) return '';
  return ` — **now, ${timer.position.minutesLeftInBlock} min left**`;
}

function renderMisconception(): string {
  return `# Common misconception to confront\n\n**Students often think:** ${MISCONCEPTION.belief}\n\n**Set it straight:** ${MISCONCEPTION.correction}`;
}

function renderCheck(check: ConceptCheck, state: LessonLiveState): string {
  return `# Concept check\n\n${renderCheckBody(check, state)}`;
}

function renderCheckBody(check: ConceptCheck, state: LessonLiveState): string {
  const result = state.checkResult(check.id);
  const choices = check.choices.map((c, i) => `${i + 1}. ${c}`).join('\n');
  const head = `### ${check.prompt}\n\n${choices}`;
  if (!result) {
    return `${head}\n\n_Answer first with **RNN Lab: Concept Check…** — the answer is revealed after you choose._`;
  }
  const verdict = result.correct ? '**Correct.**' : `**Not quite.** You chose: ${check.choices[result.answerIndex] ?? '?'}`;
  return `${head}\n\n${verdict}\n\n**Answer:** ${check.answer}\n\n**Why:** ${check.explanation}${check.demo ? `\n\n**See it:** ${demoLine(check.demo)}` : ''}`;
}

function renderPitfall(p: Pitfall): string {
  return `${p.fix}\n\n- Lab task: \`${p.task}\`\n- Checker hint: \`${p.hint}\` — ${HINT_DESCRIPTIONS[p.hint]}`;
}

function renderReading(r: Reading): string {
  return `**${r.citation}**\n\nWhat it shows:\n\n${list(r.shows)}`;
}

function renderTrainingPitfall(p: TrainingPitfall): string {
  return `${p.fix}\n\nSee it in RNN Lab:\n\n${list(p.shownIn.map(placeLabel))}`;
}

function renderTask(task: LabTask, state: LessonLiveState): string {
  const status = state.task(task.id);
  const hint = status.hint ? `\n\n**Hint \`${status.hint}\`:** ${HINT_DESCRIPTIONS[status.hint]}` : '';
  const pitfalls = PITFALLS.filter((p) => p.task === task.id).map((p) => `**${p.title}.** ${p.fix} (\`${p.hint}\`)`);
  return `# Lab task \`${task.id}\`: ${task.title}\n\n**What you implement:** ${task.summary}\n\n## Last check: ${taskStateLabel(status.state)}\n\n${status.message}${hint}\n\n`
    + `[Check the lab](command:rnnLab.checkLab)\n\n## Pitfalls for this task\n\n${list(pitfalls)}`;
}

function renderScaffold(state: LessonLiveState): string {
  return state.hasLab
    ? '# The lab\n\nThe lab (`rnn.ts`) is in this workspace. [Check it](command:rnnLab.checkLab).'
    : '# No lab yet\n\nThere is no `rnn.ts` in this workspace. [Scaffold the lab files](command:rnnLab.scaffoldLab) to start the homework lab.';
}

function renderCourse(state: LessonLiveState): string {
  const links = COURSE_LINKS.map((l) => `- ${linkLine(l, state)}`).join('\n');
  return `# ${COURSE.name}\n\n${COURSE.part}\n\n`
    + `- Previous: **Week ${COURSE.previous.number}: ${COURSE.previous.title}**\n`
    + `- This week: **Week ${COURSE.week.number}: ${COURSE.week.title}**\n`
    + `- Next: **Week ${COURSE.next.number}: ${COURSE.next.title}**\n\n## Links\n\n${links}\n\n## Reading notes\n\n`
    + READINGS.map(renderReading).join('\n\n');
}

function renderLink(link: CourseLink, state: LessonLiveState): string {
  return `# ${link.label}\n\n${link.description}\n\n${linkLine(link, state)}\n\n`
    + `The instructor sets this address in the setting \`${link.setting}\` ([open settings](command:workbench.action.openSettings?${encodeURIComponent(JSON.stringify([link.setting]))})).`;
}

function linkLine(link: CourseLink, state: LessonLiveState): string {
  const value = state.link(link.id);
  switch (value.kind) {
    case 'valid': return `[${link.label}](${value.url})`;
    case 'notSet': return `${link.label}: _not set_`;
    case 'invalid': return `${link.label}: _invalid address_ (\`${value.raw}\`: ${value.problem})`;
    default: return assertNever(value);
  }
}

function list(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

function assertNever(value: never): never {
  throw new Error(`Unhandled lesson item: ${JSON.stringify(value)}`);
}

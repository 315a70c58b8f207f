import type { LabTaskId } from '../lesson/labTasks';
import type { Expected } from './compare';
import { globalNormOf, mapParams } from './labTypes';
import { bpttVariants, clipVariants, trainStepVariants, type Variant } from './mistakes';
import type { Problem } from './problems';
import { refBptt, refClip, refForward, refRnnStep, refTrainStep } from './reference';

/** One call of a task's function: its arguments, the right answer and the known wrong ones. */
export interface TaskCase {
  /** Names the input in messages, e.g. `"T = 1"` or `"targets null except the last", maxNorm above the norm`. */
  readonly label: string;
  readonly args: readonly unknown[];
  readonly expected: Expected;
  readonly variants: readonly Variant<Record<string, unknown>>[];
}

const LR = 0.1;

/** Three significant digits: a threshold a person can read and type. */
function round3(x: number): number {
  return Number(x.toPrecision(3));
}

/** The cases of one task, built from the shared problems. */
export function taskCases(task: LabTaskId, problems: readonly Problem[]): TaskCase[] {
  switch (task) {
    case 'rnnStep':
      return problems.map((pr) => {
        const hPrev = pr.h0, x = pr.xs[0];
        return { label: `"${pr.label}"`, args: [pr.p, hPrev, x], expected: refRnnStep(pr.p, hPrev, x), variants: [] };
      });
    case 'forward':
      return problems.map((pr) => ({ label: `"${pr.label}"`, args: [pr.p, pr.h0, pr.xs], expected: expectedOf(refForward(pr.p, pr.h0, pr.xs)), variants: [] }));
    case 'bptt':
      return problems.map((pr) => ({
        label: `"${pr.label}"`,
        args: [pr.p, pr.h0, pr.xs, pr.targets],
        expected: expectedOf(refBptt(pr.p, pr.h0, pr.xs, pr.targets)),
        variants: bpttVariants(pr.p, pr.h0, pr.xs, pr.targets),
      }));
    case 'clipGradNorm':
      return problems.flatMap((pr) => {
        // Real gradients of the problem, rounded so a message can show them exactly.
        const grads = mapParams(refBptt(pr.p, pr.h0, pr.xs, pr.targets).grads, (v) => Number(v.toFixed(4)));
        const norm = globalNormOf(grads);
        // maxNorm below the norm (clipping happens) and above it (nothing changes).
        return [round3(norm / 3), round3(norm * 2 + 0.5)].map((maxNorm) => ({
          label: `gradients of "${pr.label}" (norm ${norm.toPrecision(4)}), maxNorm ${maxNorm} ${maxNorm < norm ? 'below' : 'above'} the norm`,
          args: [grads, maxNorm],
          expected: expectedOf(refClip(grads, maxNorm)),
          variants: clipVariants(grads, maxNorm),
        }));
      });
    case 'trainStep':
      return problems.flatMap((pr) => {
        const norm = globalNormOf(refBptt(pr.p, pr.h0, pr.xs, pr.targets).grads);
        const settings: { maxNorm: number | null; words: string }[] = [
          { maxNorm: null, words: 'maxNorm null (no clipping)' },
          { maxNorm: round3(norm / 3), words: `maxNorm ${round3(norm / 3)} below the norm ${norm.toPrecision(4)}` },
          { maxNorm: round3(norm * 2 + 0.5), words: `maxNorm ${round3(norm * 2 + 0.5)} above the norm ${norm.toPrecision(4)}` },
        ];
        return settings.map(({ maxNorm, words }) => ({
          label: `"${pr.label}", lr ${LR}, ${words}`,
          args: [pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm],
          expected: expectedOf(refTrainStep(pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm)),
          variants: trainStepVariants(pr.p, pr.h0, pr.xs, pr.targets, LR, maxNorm),
        }));
      });
  }
}

/** Our answers are plain nested numbers already; this only tells the compiler so. */
function expectedOf(value: object): Expected {
  return value as unknown as Expected;
}

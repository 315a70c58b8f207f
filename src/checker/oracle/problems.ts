import { createRng, type Rng } from '../../engine';
import type { LabParams, Mat, Vec } from '../labTypes';

/**
 * The problems every lab is checked on: small fixed edge cases first (readable in a message), then
 * seeded random ones. Entries are rounded to two decimals so a message can show an input exactly
 * and a student can paste it into their own test.
 */
export interface Problem {
  /** How messages name it, e.g. "T = 1" or "random problem (seed 7)". */
  readonly label: string;
  readonly p: LabParams;
  readonly h0: Vec;
  readonly xs: Vec[];
  readonly targets: (Vec | null)[];
}

export interface ProblemSizes { readonly D: number; readonly H: number; readonly O: number; readonly T: number }

type TargetPattern = 'all' | 'last' | 'random';

function round2(x: number): number {
  return Math.round(x * 100) / 100 || 0;
}

function draw(rng: Rng, scale: number): number {
  return round2(rng.between(-scale, scale));
}

function mat(rng: Rng, rows: number, cols: number, scale: number): Mat {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => draw(rng, scale)));
}

function vec(rng: Rng, n: number, scale: number): Vec {
  return Array.from({ length: n }, () => draw(rng, scale));
}

export function makeProblem(label: string, seed: number, { D, H, O, T }: ProblemSizes, pattern: TargetPattern): Problem {
  const rng = createRng(seed);
  const p: LabParams = {
    Wxh: mat(rng, H, D, 1), Whh: mat(rng, H, H, 1 / Math.sqrt(H) + 0.3), bh: vec(rng, H, 0.5),
    Why: mat(rng, O, H, 1), by: vec(rng, O, 0.5),
  };
  const h0 = vec(rng, H, 0.5);
  const xs = Array.from({ length: T }, () => vec(rng, D, 1));
  const targets = Array.from({ length: T }, (_, t): Vec | null => {
    const used = pattern === 'all' || t === T - 1 || (pattern === 'random' && rng.uniform() < 0.5);
    const y = vec(rng, O, 1);
    return used ? y : null;
  });
  return { label, p, h0, xs, targets };
}

/**
 * The long problem is as long as the gradient plot's default sequence and longer than any step count
 * a truncated backward pass is likely to stop after; its only target is at the last step, as on the
 * plot, so dL/dh_t far from the loss is compared step by step.
 */
export const LONG_T = 60;

/** A pre-activation a with e^{2a} beyond float64 (a > 354.9): a tanh built from Math.exp overflows. */
export const OVERFLOWING_PRE_ACTIVATION = 355;

/**
 * Pre-activations in the hundreds, of both signs (about +400 and −370 at step 1), from two units with large input
 * weights; the third unit stays small so gradients still flow back through it.
 */
function saturatingProblem(): Problem {
  const base = makeProblem('a saturating input (pre-activations in the hundreds)', 14, { D: 2, H: 3, O: 2, T: 4 }, 'all');
  const Wxh = [[450, -100], [-420, 100], base.p.Wxh[2]];
  const xs = [[1, 0.5], [-0.8, 1], [0.6, -0.9], [0.9, 0.7]];
  return { ...base, p: { ...base.p, Wxh }, xs };
}

/**
 * Every task is tried on these, in this order: the edge cases (T = 1, H = 1, targets null except the
 * last), a long sequence, a saturating input, seeded random problems, and last two problems of the same
 * shapes one after the other, so a function that keeps something from its previous call shows it.
 */
export function labProblems(): Problem[] {
  return [
    makeProblem('T = 1', 11, { D: 2, H: 3, O: 2, T: 1 }, 'all'),
    makeProblem('H = 1', 12, { D: 1, H: 1, O: 1, T: 3 }, 'all'),
    makeProblem('targets null except the last', 13, { D: 2, H: 3, O: 1, T: 4 }, 'last'),
    makeProblem(`a long sequence (T = ${LONG_T}, a target at the last step only)`, 15, { D: 3, H: 6, O: 2, T: LONG_T }, 'last'),
    saturatingProblem(),
    makeProblem('random problem (seed 101)', 101, { D: 3, H: 4, O: 2, T: 5 }, 'random'),
    makeProblem('random problem (seed 102)', 102, { D: 2, H: 5, O: 3, T: 6 }, 'all'),
    makeProblem('random problem (seed 103)', 103, { D: 4, H: 3, O: 2, T: 7 }, 'random'),
    makeProblem('random problem (seed 104)', 104, { D: 3, H: 4, O: 2, T: 6 }, 'all'),
    makeProblem('random problem (seed 105), called right after seed 104 with the same shapes', 105, { D: 3, H: 4, O: 2, T: 6 }, 'all'),
  ];
}

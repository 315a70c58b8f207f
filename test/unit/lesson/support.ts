import { createRng, initParams, type RnnParams } from '../../../src/engine';
import { plainBptt } from '../../../src/engine/reference/plainBptt';
import type { BpttResult } from '../../../src/engine';

/**
 * The lesson's claims are checked with the plain reference BPTT (an implementation independent of
 * the engine's) on seeded problems built here, or with closed forms.
 */
export interface Problem { readonly params: RnnParams; readonly xs: Float64Array; readonly T: number }

/** A tanh RNN with Whh = ρ·Q (Q orthogonal: every singular value of Whh is exactly ρ) and N(0, scale²) inputs. */
export function problem(o: { rho: number; T: number; H: number; D?: number; O?: number; inputScale: number; seed: number }): Problem {
  const D = o.D ?? 1, O = o.O ?? 1;
  const rng = createRng(o.seed);
  const params = initParams({ D, H: o.H, O }, rng, { scheme: 'gaussian', whh: { kind: 'scaled-orthogonal', radius: o.rho } });
  const inputs = createRng(o.seed + 1);
  const xs = Float64Array.from({ length: o.T * D }, () => o.inputScale * inputs.normal());
  return { params, xs, T: o.T };
}

/** The lab's loss: ½‖y − target‖² at the steps in `at` ('last': step T only; 'all': every step). */
export function reference(p: Problem, target: number, at: 'last' | 'all' = 'last'): BpttResult {
  const O = p.params.Why.rows, D = p.params.Wxh.cols;
  return plainBptt(p.params, { B: 1, T: p.T, D, xs: p.xs }, { kind: 'mse', values: new Float64Array(p.T * O).fill(target) }, { kind: 'mse', at });
}

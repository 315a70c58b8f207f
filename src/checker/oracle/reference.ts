import { clipByGlobalNorm, createEngine } from '../../engine';
import { dhsFromEngine, fromEngineGrads, globalNormOf, sgdUpdate, toEngineGrads, toEngineParams, toEngineProblem, type LabGrads, type LabParams, type Vec } from '../labTypes';

/** The correct answer to each lab function, computed by the engine (the lab's oracle). */

/**
 * The oracle's engine runs the TypeScript loops, on purpose: its right answers are then the same
 * bits on every machine and in every program that checks (the WebAssembly kernels fuse
 * multiply-adds where the runtime can, which changes the last bits), and its problems are small.
 */
const engine = createEngine({ kernels: 'typescript' });

export function refRnnStep(p: LabParams, hPrev: Vec, x: Vec): Vec {
  return refForward(p, hPrev, [x]).hs[0];
}

export function refForward(p: LabParams, h0: Vec, xs: Vec[]): { hs: Vec[]; ys: Vec[] } {
  const ep = toEngineParams(p, h0);
  const D = ep.Wxh.cols, H = ep.Wxh.rows, O = ep.Why.rows, T = xs.length;
  const trace = engine.forward(ep, { B: 1, T, D, xs: Float64Array.from(xs.flat()) });
  const hs: Vec[] = [], ys: Vec[] = [];
  for (let t = 0; t < T; t++) {
    hs.push(Array.from(trace.hs.subarray((t + 1) * H, (t + 2) * H)));
    ys.push(Array.from(trace.ys.subarray(t * O, (t + 1) * O)));
  }
  return { hs, ys };
}

/** The engine's fast BPTT on one sequence; the steps whose target is null are not in the loss. */
export function refBptt(p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): { loss: number; grads: LabGrads; dhs: Vec[] } {
  const pr = toEngineProblem(p, h0, xs, targets);
  const r = engine.bptt(pr.params, pr.batch, pr.targets, pr.loss, { hiddenGrads: true });
  const H = h0.length;
  return { loss: r.loss, grads: fromEngineGrads(r.grads), dhs: dhsFromEngine(r.hiddenGrads ?? new Float64Array(xs.length * H), H) };
}

export function refClip(grads: LabGrads, maxNorm: number): { grads: LabGrads; norm: number } {
  const r = clipByGlobalNorm(toEngineGrads(grads), maxNorm);
  return { grads: fromEngineGrads(r.grads), norm: r.normBefore };
}

export function refTrainStep(
  p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[], lr: number, maxNorm: number | null,
): { params: LabParams; loss: number; norm: number } {
  const { loss, grads } = refBptt(p, h0, xs, targets);
  const clipped = maxNorm === null ? { grads, norm: globalNormOf(grads) } : refClip(grads, maxNorm);
  return { params: sgdUpdate(p, clipped.grads, lr), loss, norm: clipped.norm };
}

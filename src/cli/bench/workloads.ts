import {
  createRng, initParams, type LossSpec, type RnnParams, type SequenceBatch, type SingleSequence, type Targets,
} from '../../engine';

/**
 * The four workloads of the engine benchmark (docs/engine-bench.md): forward + full
 * BPTT with the mse loss, float64, h0 = 0, Wxh ~ U(±√(3/D)), Whh and Why ~ U(±√(3/H)),
 * biases ~ U(±0.1), inputs and targets ~ U(−1, 1). Seeded, so every run times the same numbers.
 * The peers' figures are the anchors of docs/engine-bench.md ("current peers"): PyTorch cannot be installed on
 * a fresh machine here, so they are not measured in the same run; plain JS loops are.
 */
export interface Workload {
  readonly id: 'a' | 'b' | 'c' | 'd';
  readonly shape: string;
  /** FLOPs of one forward + BPTT (the sweep: of all of it), 2 per multiply-add, from docs/engine-bench.md. */
  readonly flops: number;
  /** PyTorch 2.x autograd, float64, 1 thread: median ms from docs/engine-bench.md. */
  readonly pytorchMs: number;
  /** numpy + OpenBLAS manual BPTT, float64, 1 thread: median ms from docs/engine-bench.md. */
  readonly numpyMs: number;
  /** Plain JS loops over Float64Array, median ms from docs/engine-bench.md (measured again in every run). */
  readonly plainJsAnchorMs: number;
  readonly params: RnnParams;
  readonly loss: LossSpec;
  /** One batch (a–c) or one sequence per T (d, the sweep). */
  readonly problems: readonly SingleSequence[];
  readonly sweep: boolean;
}

export function makeWorkloads(seed = 10): Workload[] {
  return [
    batchWorkload('a', { B: 1, T: 100, D: 8, H: 64, O: 8 }, 3.03e6, { pytorchMs: 8.6, numpyMs: 4.4, plainJsAnchorMs: 2.2 }, seed),
    batchWorkload('b', { B: 32, T: 100, D: 8, H: 64, O: 8 }, 97.0e6, { pytorchMs: 15.1, numpyMs: 5.5, plainJsAnchorMs: 78 }, seed + 1),
    batchWorkload('c', { B: 32, T: 200, D: 32, H: 128, O: 32 }, 900e6, { pytorchMs: 57.9, numpyMs: 35.3, plainJsAnchorMs: 651 }, seed + 2),
    sweepWorkload(seed + 3),
  ];
}

interface Shape { B: number; T: number; D: number; H: number; O: number }
interface Anchors { pytorchMs: number; numpyMs: number; plainJsAnchorMs: number }

function batchWorkload(id: 'a' | 'b' | 'c', s: Shape, flops: number, anchors: Anchors, seed: number): Workload {
  const rng = createRng(seed);
  const params = initParams({ D: s.D, H: s.H, O: s.O }, rng, { scheme: 'uniform', biasScale: 0.1 });
  const batch = randomBatch(s.B, s.T, s.D, rng.between);
  const targets = randomTargets(s.B, s.T, s.O, rng.between);
  return {
    id, shape: `B=${s.B}, T=${s.T}, D=${s.D}, H=${s.H}, O=${s.O}, loss at all steps`, flops, ...anchors,
    params, loss: { kind: 'mse', at: 'all' }, problems: [{ batch, targets }], sweep: false,
  };
}

function sweepWorkload(seed: number): Workload {
  const rng = createRng(seed);
  const D = 8, H = 64, O = 8;
  const params = initParams({ D, H, O }, rng, { scheme: 'uniform', biasScale: 0.1 });
  const problems: SingleSequence[] = [];
  for (let T = 1; T <= 200; T++) problems.push({ batch: randomBatch(1, T, D, rng.between), targets: randomTargets(1, T, O, rng.between) });
  return {
    id: 'd', shape: `sweep T=1..200, B=1 each, D=${D}, H=${H}, O=${O}, loss at last step`, flops: 547e6, pytorchMs: 856,
    numpyMs: 390, plainJsAnchorMs: 416, params, loss: { kind: 'mse', at: 'last' }, problems, sweep: true,
  };
}

function randomBatch(B: number, T: number, D: number, between: (lo: number, hi: number) => number): SequenceBatch {
  const xs = new Float64Array(B * T * D);
  for (let i = 0; i < xs.length; i++) xs[i] = between(-1, 1);
  return { B, T, D, xs };
}

function randomTargets(B: number, T: number, O: number, between: (lo: number, hi: number) => number): Targets {
  const values = new Float64Array(B * T * O);
  for (let i = 0; i < values.length; i++) values[i] = between(-1, 1);
  return { kind: 'mse', values };
}

import type { HintCode } from '../lesson/hintCodes';
import { PARAM_KEYS, globalNormOf, mapParams, sgdUpdate, sumOfSquares, type LabGrads, type LabParams, type Mat, type Vec } from './labTypes';
import { refClip, refForward } from './reference';

/**
 * The library of known-wrong answers. Each variant is what a student's function returns when it
 * makes one known mistake; if the student's numbers match a variant, the checker names the mistake
 * (its hint code). The forward pass comes from the engine; the backward sweep is written here with
 * one switch per mistake (all switches off reproduces the engine, which a unit test asserts).
 */
export interface BpttSwitches {
  /** How the shared Wxh, Whh, bh gradients combine the steps: summed (right), or one step kept. */
  readonly shared: 'sum' | 'first-step' | 'last-step';
  /** The same for the output layer's Why and by. */
  readonly outputShared: 'sum' | 'first-step' | 'last-step';
  /** dL/dh_t includes the path through h_{t+1} (right), or only the output at step t. */
  readonly recurrentPath: boolean;
  /** The factor da_t = dh_t ⊙ f: 1 − h² (right), 1 − a², 1 − h, or none. */
  readonly derivative: 'one-minus-h2' | 'one-minus-a2' | 'one-minus-h' | 'none';
  /** What multiplies da_t in dWhh: h_{t−1} (right), h_t, or h_{t−1} but skipping h0. */
  readonly whhInput: 'h-prev' | 'h-current' | 'skip-h0';
}

export const CORRECT_BPTT: BpttSwitches = { shared: 'sum', outputShared: 'sum', recurrentPath: true, derivative: 'one-minus-h2', whhInput: 'h-prev' };

export interface Variant<T> {
  readonly hint: HintCode;
  /** What the variant does, for tests and messages. */
  readonly name: string;
  /** The wrong answer; only its keys are compared (e.g. only `grads` for a clipping mistake). */
  readonly output: Partial<T>;
}

const zeros = (rows: number, cols: number): Mat => Array.from({ length: rows }, () => new Array<number>(cols).fill(0));

export function bpttWith(s: BpttSwitches, p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): { loss: number; grads: LabGrads; dhs: Vec[] } {
  const { hs, ys } = refForward(p, h0, xs);
  const H = p.Whh.length, D = p.Wxh[0].length, O = p.Why.length, T = xs.length;
  const g: LabGrads = { Wxh: zeros(H, D), Whh: zeros(H, H), bh: new Array<number>(H).fill(0), Why: zeros(O, H), by: new Array<number>(O).fill(0) };
  const dhs: Vec[] = new Array<Vec>(T);
  const lastWithTarget = targets.map((y, t) => (y ? t : -1)).reduce((a, b) => Math.max(a, b), -1);
  const firstWithTarget = targets.findIndex((y) => y !== null);
  const keeps = (mode: BpttSwitches['shared'], t: number, first: number, last: number): boolean =>
    mode === 'sum' || (mode === 'first-step' && t === first) || (mode === 'last-step' && t === last);
  let loss = 0;
  let dhNext = new Array<number>(H).fill(0);
  for (let t = T - 1; t >= 0; t--) {
    const h = hs[t];
    const hPrev = t > 0 ? hs[t - 1] : h0;
    const dh = s.recurrentPath ? dhNext.slice() : new Array<number>(H).fill(0);
    const target = targets[t];
    if (target) {
      const keepOut = keeps(s.outputShared, t, firstWithTarget, lastWithTarget);
      for (let k = 0; k < O; k++) {
        const dy = ys[t][k] - target[k];
        loss += 0.5 * dy * dy;
        if (keepOut) g.by[k] += dy;
        for (let j = 0; j < H; j++) {
          if (keepOut) g.Why[k][j] += dy * h[j];
          dh[j] += p.Why[k][j] * dy;
        }
      }
    }
    dhs[t] = dh;
    const a = h.map((hi) => Math.atanh(hi));
    const factor = (i: number): number => {
      switch (s.derivative) {
        case 'one-minus-h2': return 1 - h[i] * h[i];
        case 'one-minus-a2': return 1 - a[i] * a[i];
        case 'one-minus-h': return 1 - h[i];
        case 'none': return 1;
      }
    };
    const da = dh.map((d, i) => d * factor(i));
    const keep = keeps(s.shared, t, 0, T - 1);
    const whhIn = s.whhInput === 'h-current' ? h : hPrev;
    const skipWhh = s.whhInput === 'skip-h0' && t === 0;
    dhNext = new Array<number>(H).fill(0);
    for (let i = 0; i < H; i++) {
      if (keep) g.bh[i] += da[i];
      for (let d = 0; d < D; d++) if (keep) g.Wxh[i][d] += da[i] * xs[t][d];
      for (let j = 0; j < H; j++) {
        if (keep && !skipWhh) g.Whh[i][j] += da[i] * whhIn[j];
        dhNext[j] += p.Whh[i][j] * da[i];
      }
    }
  }
  return { loss, grads: g, dhs };
}

/** One switch flipped at a time (plus the usual pairs for one-step-only gradients). */
const BPTT_MISTAKES: readonly { hint: HintCode; name: string; switches: Partial<BpttSwitches> }[] = [
  { hint: 'weights-not-shared', name: 'Wxh, Whh, bh keep only the first step (= instead of +=)', switches: { shared: 'first-step' } },
  { hint: 'weights-not-shared', name: 'every gradient keeps only one step (= instead of +=)', switches: { shared: 'first-step', outputShared: 'first-step' } },
  { hint: 'weights-not-shared', name: 'Wxh, Whh, bh keep only the last step', switches: { shared: 'last-step' } },
  { hint: 'weights-not-shared', name: 'every gradient keeps only the last step', switches: { shared: 'last-step', outputShared: 'last-step' } },
  { hint: 'weights-not-shared', name: 'Why, by keep only one step', switches: { outputShared: 'first-step' } },
  { hint: 'weights-not-shared', name: 'Why, by keep only the last step', switches: { outputShared: 'last-step' } },
  { hint: 'missing-recurrent-path', name: 'dL/dh_t only through y_t', switches: { recurrentPath: false } },
  { hint: 'tanh-derivative', name: '1 − a² on the pre-activation', switches: { derivative: 'one-minus-a2' } },
  { hint: 'tanh-derivative', name: '1 − h', switches: { derivative: 'one-minus-h' } },
  { hint: 'tanh-derivative', name: 'no tanh derivative', switches: { derivative: 'none' } },
  { hint: 'off-by-one', name: 'dWhh uses h_t instead of h_{t−1}', switches: { whhInput: 'h-current' } },
  { hint: 'off-by-one', name: 'dWhh skips h0', switches: { whhInput: 'skip-h0' } },
];

export function bpttVariants(p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[]): Variant<{ loss: number; grads: LabGrads; dhs: Vec[] }>[] {
  return BPTT_MISTAKES.map((m) => ({ hint: m.hint, name: m.name, output: bpttWith({ ...CORRECT_BPTT, ...m.switches }, p, h0, xs, targets) }));
}

/** Clipping each gradient by its own norm. */
export function clipPerParameter(grads: LabGrads, maxNorm: number): LabGrads {
  const norms = Object.fromEntries(PARAM_KEYS.map((k) => [k, Math.sqrt(sumOfSquares(grads[k].flat()))]));
  return mapParams(grads, (v, key) => (norms[key] > maxNorm ? v * (maxNorm / norms[key]) : v));
}

/** Rescaling to maxNorm whatever the norm (so small gradients are scaled up). */
export function clipAlways(grads: LabGrads, maxNorm: number): LabGrads {
  const norm = globalNormOf(grads);
  return norm === 0 ? grads : mapParams(grads, (v) => v * (maxNorm / norm));
}

export function clipVariants(grads: LabGrads, maxNorm: number): Variant<{ grads: LabGrads; norm: number }>[] {
  return [
    { hint: 'clip-per-parameter', name: 'each gradient clipped by its own norm', output: { grads: clipPerParameter(grads, maxNorm) } },
    { hint: 'clip-scales-up', name: 'rescaled although the norm is ≤ maxNorm', output: { grads: clipAlways(grads, maxNorm) } },
  ];
}

export function trainStepVariants(
  p: LabParams, h0: Vec, xs: Vec[], targets: (Vec | null)[], lr: number, maxNorm: number | null,
): Variant<{ params: LabParams; loss: number; norm: number }>[] {
  const right = bpttWith(CORRECT_BPTT, p, h0, xs, targets).grads;
  const clip = (g: LabGrads): LabGrads => (maxNorm === null ? g : refClip(g, maxNorm).grads);
  const out: Variant<{ params: LabParams; loss: number; norm: number }>[] = [];
  if (maxNorm !== null) {
    out.push({ hint: 'unclipped-update', name: 'updates with the unclipped gradient', output: { params: sgdUpdate(p, right, lr) } });
    out.push({ hint: 'clip-per-parameter', name: 'each gradient clipped by its own norm', output: { params: sgdUpdate(p, clipPerParameter(right, maxNorm), lr) } });
    out.push({ hint: 'clip-scales-up', name: 'always rescaled to maxNorm', output: { params: sgdUpdate(p, clipAlways(right, maxNorm), lr) } });
  }
  // A wrong bptt shows up in the update too.
  for (const v of bpttVariants(p, h0, xs, targets)) {
    if (v.output.grads) out.push({ hint: v.hint, name: `bptt: ${v.name}`, output: { params: sgdUpdate(p, clip(v.output.grads), lr) } });
  }
  return out;
}

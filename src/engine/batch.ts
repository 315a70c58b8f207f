import { EngineInputError, requireFiniteArray, requirePositiveInteger } from './errors';

/**
 * B input sequences of T steps with D features. `xs[(b·T + t)·D + d]` is feature d of step t of
 * sequence b (0-based), the same order as nested `xs[b][t][d]`.
 */
export interface SequenceBatch {
  readonly B: number;
  readonly T: number;
  readonly D: number;
  readonly xs: Float64Array;
}

/**
 * Which loss, and at which steps t = 1..T it is taken: only the last one, every one, or a mask with
 * one entry per step (`at[t − 1]` true when step t is in the loss; the lab's steps without a target).
 */
export interface LossSpec {
  readonly kind: 'mse' | 'xent';
  readonly at: 'last' | 'all' | StepMask;
}

/** One boolean per step t = 1..T (index t − 1): whether step t is in the loss. */
export type StepMask = readonly boolean[];

/**
 * Targets for every step (entries of steps outside the loss are ignored):
 * mse — `values[(b·T + t)·O + k]`; xent — the class index `classes[b·T + t]` in 0..O−1.
 */
export type Targets =
  | { readonly kind: 'mse'; readonly values: Float64Array }
  | { readonly kind: 'xent'; readonly classes: Int32Array };

export function validateBatch(batch: SequenceBatch, D: number, field = 'xs'): void {
  requirePositiveInteger(`${field}.B`, batch.B);
  requirePositiveInteger(`${field}.T`, batch.T);
  if (batch.D !== D) throw new EngineInputError(field, `must have D = ${D} features per step (the columns of Wxh), got ${batch.D}`);
  if (batch.xs.length !== batch.B * batch.T * D) {
    throw new EngineInputError(field, `must hold B×T×D = ${batch.B}×${batch.T}×${D} = ${batch.B * batch.T * D} numbers, got ${batch.xs.length}`);
  }
  requireFiniteArray(field, batch.xs, [batch.B, batch.T, D]);
}

export function validateLoss(loss: LossSpec, field = 'loss'): void {
  if (loss === null || typeof loss !== 'object') throw new EngineInputError(field, 'must be {kind, at}');
  if (loss.kind !== 'mse' && loss.kind !== 'xent') {
    throw new EngineInputError(`${field}.kind`, `must be "mse" or "xent", got ${JSON.stringify(loss.kind)}`);
  }
  const at: unknown = loss.at;
  const isMask = Array.isArray(at) && at.every((v) => typeof v === 'boolean');
  if (at !== 'last' && at !== 'all' && !isMask) {
    throw new EngineInputError(`${field}.at`, `must be "last", "all" or one boolean per step, got ${JSON.stringify(at)}`);
  }
}

/** Checks that a step mask has one entry per step (validateLoss cannot: it does not know T). */
export function validateLossSteps(loss: LossSpec, T: number, field = 'loss'): void {
  if (typeof loss.at !== 'string' && loss.at.length !== T) {
    throw new EngineInputError(`${field}.at`, `must have one entry per step (T = ${T}), got ${loss.at.length}`);
  }
}

export function validateTargets(targets: Targets, loss: LossSpec, B: number, T: number, O: number, field = 'targets'): void {
  validateLossSteps(loss, T);
  if (targets.kind !== loss.kind) {
    throw new EngineInputError(field, `are for loss "${targets.kind}" but the loss is "${loss.kind}"`);
  }
  if (targets.kind === 'mse') {
    if (targets.values.length !== B * T * O) {
      throw new EngineInputError(field, `must hold B×T×O = ${B}×${T}×${O} = ${B * T * O} numbers for mse, got ${targets.values.length}`);
    }
    requireFiniteArray(field, targets.values, [B, T, O]);
    return;
  }
  if (targets.classes.length !== B * T) {
    throw new EngineInputError(field, `must hold B×T = ${B}×${T} = ${B * T} class indices for xent, got ${targets.classes.length}`);
  }
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      if (!inLoss(loss, t, T)) continue;
      const c = targets.classes[b * T + t];
      if (!(c >= 0 && c < O)) {
        throw new EngineInputError(`${field}[${b}][${t}]`, `must be a class index in 0..${O - 1} (O = ${O}), got ${c}`);
      }
    }
  }
}

/** Whether step t (0-based here: step t + 1 of the lesson) of T contributes to the loss. */
export function inLoss(loss: LossSpec, t: number, T: number): boolean {
  if (loss.at === 'all') return true;
  if (loss.at === 'last') return t === T - 1;
  return loss.at[t];
}

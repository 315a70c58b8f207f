import { shortNumber } from './compare';
import { GATING_CELLS, GATING_LABELS, type GatingCell, type GatingRun } from './gatingDemo';

/** The numbers the gating panel's caption states, all read off the run. */
export interface GatingFacts {
  /** The lag the echo needs (its delay) and the longest lag shown (T − 1). */
  readonly delay: number;
  readonly longestLag: number;
  /** ‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖ untrained at k = delay and k = T − 1, and after training at k = delay. */
  readonly initAtDelay: Readonly<Record<GatingCell, number>>;
  readonly initAtLongest: Readonly<Record<GatingCell, number>>;
  readonly trainedAtDelay: Readonly<Record<GatingCell, number>>;
  /** Held-out accuracy after the last step done. */
  readonly finalAccuracy: Readonly<Record<GatingCell, number>>;
  /** Steps whose gradient norm was above the clipping threshold (so clipping rescaled it). */
  readonly clippedSteps: Readonly<Record<GatingCell, number>>;
}

function perCell(f: (cell: GatingCell, i: number) => number): Record<GatingCell, number> {
  return Object.fromEntries(GATING_CELLS.map((cell, i) => [cell, f(cell, i)])) as Record<GatingCell, number>;
}

export function gatingFacts(run: GatingRun): GatingFacts {
  const { delay, T } = run.config;
  const trained = run.runs.map((r) => r.trainedRatio());
  return {
    delay, longestLag: T - 1,
    initAtDelay: perCell((_, i) => run.runs[i].initRatio[delay]),
    initAtLongest: perCell((_, i) => run.runs[i].initRatio[T - 1]),
    trainedAtDelay: perCell((_, i) => trained[i][delay]),
    finalAccuracy: perCell((_, i) => run.runs[i].heldOutAccuracy[run.runs[i].heldOutAccuracy.length - 1]),
    clippedSteps: perCell((_, i) => run.runs[i].clipped.filter(Boolean).length),
  };
}

const percent = (x: number): string => `${Math.round(100 * x)} %`;
const list = (f: (cell: GatingCell) => string): string => GATING_CELLS.map((cell) => `${GATING_LABELS[cell]} ${f(cell)}`).join(', ');

/** The settings, as the panel shows them above the charts. */
export function gatingSettings(run: GatingRun): string {
  const c = run.config;
  return (
    `Delayed echo, delay ${c.delay}, T = ${c.T}, H = ${c.H}. Lag curves: loss at step T only, ${c.probe} sequences. ` +
    `Starts: plain RNN as in the train demo; LSTM and GRU weights U(±1/√H), biases 0 (the LSTM's forget gate: 0 or 1). ` +
    `Training: the same fresh batch of ${c.B} sequences for every cell each step, Adam lr ${c.lr}, clipped at global norm ${c.clip}; accuracy on ${c.heldOut} held-out sequences.`
  );
}

/** The caption: what the charts show, every number read off the run. */
export function gatingStory(run: GatingRun): string {
  const f = gatingFacts(run);
  const k = f.delay;
  const untrained =
    `Untrained, the gradient fades with the lag in every cell, gated ones included: ‖∂L/∂h_{T−${f.longestLag}}‖ / ‖∂L/∂h_T‖ is ` +
    `${list((cell) => shortNumber(f.initAtLongest[cell]))}. The forget-gate bias sets where the LSTM starts: at lag ${k}, ` +
    `${shortNumber(f.initAtDelay['lstm.forgetBias0'])} with bias 0 and ${shortNumber(f.initAtDelay['lstm.forgetBias1'])} with bias 1.`;
  if (run.stepsDone === 0) return `${untrained} Press Start to train every cell on the echo.`;
  return (
    `${untrained} After ${run.stepsDone} training steps, held-out accuracy: ${list((cell) => percent(f.finalAccuracy[cell]))}. ` +
    `Training moved the decay: at lag ${k} the ratio went from ${list((cell) => `${shortNumber(f.initAtDelay[cell])} to ${shortNumber(f.trainedAtDelay[cell])}`)}. ` +
    `Gates change how the gradient decays, not how large it gets: clipping at ${run.config.clip} rescaled ` +
    `${list((cell) => `${f.clippedSteps[cell]}`)} of the ${run.stepsDone} steps, so clipping stays.`
  );
}

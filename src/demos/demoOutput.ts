import type { Engine } from '../engine';
import { demoById, type DemoId } from '../lesson/demos';
import { clippingDemo, CLIPPING_DEFAULTS, clippingSeries } from './clippingDemo';
import { clippingFacts, clippingStory } from './clippingStory';
import { gatingDemo, GATING_DEFAULTS, gatingSeries } from './gatingDemo';
import { gatingFacts, gatingSettings, gatingStory } from './gatingStory';
import { gradientNormsDemo, GRADIENT_NORMS_DEFAULTS, gradientNormsStory } from './gradientNorms';
import { horizonDemo, HORIZON_DEFAULTS, horizonSeries, horizonStory } from './horizonDemo';
import { PREDICT_ANSWER, PREDICT_DEFAULTS, PREDICT_QUESTION, predictExplanation, predictThenRunDemo } from './predictThenRun';
import type { Series } from './series';
import { TRAIN_DEFAULTS, trainDemo, trainSeries, trainStory, type TrainConfig } from './trainDemo';

/**
 * What a demo shows, as data: the series its panel plots (with stable ids), its settings, and the
 * caption and numbers behind it. `rnn-lab demo <name> --json` prints exactly this; NaN and
 * ±Infinity become null in JSON.
 */
export interface DemoOutput {
  readonly demo: DemoId;
  readonly title: string;
  readonly lookFor: string;
  readonly settings: Record<string, unknown>;
  readonly series: Series[];
  readonly notes: Record<string, unknown>;
}

export interface DemoRequest {
  /** Training steps of the train demo (default TRAIN_DEFAULTS.steps). */
  readonly steps?: number;
}

export function demoOutput(engine: Engine, id: DemoId, request: DemoRequest = {}): DemoOutput {
  const { title, lookFor } = demoById(id);
  const base = { demo: id, title, lookFor };
  switch (id) {
    case 'train': {
      const config: TrainConfig = { ...TRAIN_DEFAULTS, steps: request.steps ?? TRAIN_DEFAULTS.steps };
      const run = trainDemo(engine, config);
      return {
        ...base, settings: { ...config }, series: trainSeries(run),
        notes: {
          x: 'training step', caption: trainStory(run),
          finalHeldOutAccuracy: Object.fromEntries(run.runs.map((r) => [`delay${r.delay}`, r.heldOutAccuracy[r.heldOutAccuracy.length - 1]])),
        },
      };
    }
    case 'gradientNorms': {
      const r = gradientNormsDemo(engine, GRADIENT_NORMS_DEFAULTS);
      return {
        ...base, settings: { ...r.options }, series: [...r.tanh, ...r.linear],
        notes: { x: 'time step t = 1..T', y: '‖∂L/∂h_t‖, loss at t = T', caption: gradientNormsStory(engine, r) },
      };
    }
    case 'predictThenRun': {
      const r = predictThenRunDemo(engine, PREDICT_DEFAULTS);
      return {
        ...base, settings: { ...r.options, rho: r.options.radius }, series: [r.gradFirst, r.ratio],
        notes: {
          x: 'sequence length T', question: PREDICT_QUESTION, answer: PREDICT_ANSWER, explanation: predictExplanation(r),
          factorPerStep: r.factorPerStep, meanTanhDerivative: r.meanTanhDerivative,
        },
      };
    }
    case 'clipping': {
      const r = clippingDemo(engine, CLIPPING_DEFAULTS);
      const f = clippingFacts(engine, r);
      return {
        ...base, settings: { ...r.options }, series: clippingSeries(r),
        notes: {
          x: 'training step', caption: clippingStory(engine, r), fractionClipped: f.fractionClipped, clippedSteps: f.clippedSteps,
          firstInfinityWithoutClipping: f.nonFinite.unclipped.infinity, firstNaNWithoutClipping: f.nonFinite.unclipped.nan,
          finalLoss: f.finalLoss,
        },
      };
    }
    case 'horizon': {
      const r = horizonDemo(engine, HORIZON_DEFAULTS);
      return {
        ...base, settings: { ...r.options, T: r.T, H: r.H }, series: horizonSeries(r),
        notes: { x: 'k: the loss at step t paired with the state h_{t−k}', caption: horizonStory(r), spectralRadius: r.rho },
      };
    }
    case 'gating': {
      const run = gatingDemo(engine, GATING_DEFAULTS);
      return {
        ...base, settings: { ...GATING_DEFAULTS }, series: gatingSeries(run),
        notes: {
          x: 'init.* and trained.*: the lag k = 0..T−1; heldOutAccuracy.*: the training step',
          y: '‖∂L/∂h_{T−k}‖ / ‖∂L/∂h_T‖, loss at step T; held-out accuracy',
          settings: gatingSettings(run), caption: gatingStory(run), ...gatingFacts(run),
        },
      };
    }
  }
}

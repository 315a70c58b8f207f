import type { Engine } from '../../src/engine';
import type { DemoSettings } from '../../src/protocol';
import type { LineChart } from '../shared/lineChart';

/** What the demo frame hands each demo view. */
export interface DemoContext {
  /** The panel's engine (its WebAssembly kernels), which every demo computes with. */
  readonly engine: Engine;
  /** Settings to start from (restored after a reload). */
  readonly settings: DemoSettings;
  /** Merges into the saved settings (kept across hide and reload). */
  save(patch: DemoSettings): void;
  /** Tells the host (and tests) what was drawn, and how long computing + drawing took. */
  rendered(charts: readonly LineChart[], startedAt: number): void;
  /** Posts a message the frame does not own (the prediction). */
  recordPrediction(choiceId: string): void;
  /** Adds CSV/PNG export buttons for the given charts. */
  exportable(name: string, csv: () => string, chart: LineChart): HTMLElement;
}

/** A mounted demo; `dispose` stops timers before the next demo replaces it. */
export interface DemoView {
  dispose(): void;
  /** Re-reads theme colours. */
  retheme(): void;
}

/** Projector-sized chart text. */
export const DEMO_FONT_PX = 20;

import type { ProbeControls } from '../demos/probeProblem';
import type { DemoId } from '../lesson/demos';

/** One plotted run of the student plot, kept so later runs can be overlaid and compared. */
export interface PlotRun {
  /** "ρ 0.9 · T 50 · x 0.5 · no clip" */
  readonly label: string;
  readonly controls: ProbeControls;
  /** The engine's ‖∂L/∂h_t‖, t = 1..T. */
  readonly engine: number[];
  /** The student's ‖dhs[t]‖ from their bptt, or null while it runs or when it could not run. */
  readonly student: number[] | null;
  /** Why the student's curve is missing (their bptt threw, timed out, no lab…), or null. */
  readonly studentProblem: string | null;
}

/** What the student plot keeps across hide and reload (webview getState/setState). */
export interface PlotPanelState {
  readonly kind: 'gradientPlot';
  readonly controls: ProbeControls;
  /** Earlier runs still overlaid on the chart, oldest first (the current run is not among them). */
  readonly overlays: PlotRun[];
}

/** What a demo panel keeps across hide and reload. */
export interface DemoPanelState {
  readonly kind: 'demo';
  readonly demoId: DemoId;
  /** Position in the presenter flow ("Step through all"), or null for a single demo. */
  readonly presenterIndex: number | null;
  /** The demo's own settings and progress (prediction, steps trained…). */
  readonly demo: DemoSettings;
}

/** Per-demo settings, all optional: a demo falls back to its defaults. */
export interface DemoSettings {
  /** Steps trained so far: a seeded run is replayed to here after a reload. */
  readonly trainSteps?: number;
  /** The class's recorded prediction (a choice id), or undefined before one is recorded. */
  readonly prediction?: string;
  /** Whether the predict-then-run answer has been revealed. */
  readonly revealed?: boolean;
}

export type PanelState = PlotPanelState | DemoPanelState;

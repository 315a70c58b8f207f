import type { ProbeControls } from '../demos/probeProblem';
import type { DemoId } from '../lesson/demos';
import type { DemoSettings } from './plotState';

/*
 * The one protocol between the extension host and the RNN Lab webviews (student plot and demos).
 * The webview speaks first (`ready`); only then does the host post data. Both sides switch
 * exhaustively on `type`, and the webview validates every message before it uses it.
 */

// ───────────── host → webview ─────────────

/** Opens the student plot: the controls to start from and whether the student's code can run. */
export interface ShowPlotMessage {
  readonly type: 'showPlot';
  readonly controls: ProbeControls;
  /**
   * Why the student's curve cannot be computed (untrusted workspace…), or null when the webview
   * should ask for it (`runStudent`); a lab that turns out to be missing is answered in the result.
   */
  readonly studentUnavailable: string | null;
  /** The lab folder shown in the header, or null while it is not known yet. */
  readonly labName: string | null;
  /**
   * The last Check Lab's verdict on bptt when it did not pass, or null (passed, or not checked):
   * the plot compares only dL/dh_t, so it must say when Check Lab found another part wrong.
   */
  readonly lastBpttCheck: LastBpttCheck | null;
}

/** What the last check said about bptt: its status and the part it named first (e.g. "dWhh"), if any. */
export interface LastBpttCheck {
  readonly status: string;
  readonly part: string | null;
}

/** The student's bptt on the run the webview asked for with `runStudent`. */
export interface StudentResultMessage {
  readonly type: 'studentResult';
  /** Echoes `RunStudentMessage.requestId`, so a stale answer is ignored. */
  readonly requestId: number;
  readonly result: StudentProbeOutcome;
  /** The lab folder whose bptt ran (or was looked for), or null when none was found. */
  readonly labName: string | null;
}

/**
 * `status` is the sandbox's verdict (error, timeout…), or 'unavailable' when the code could not be
 * run at all for a reason outside it (no lab folder, workspace not trusted).
 */
export type StudentProbeOutcome =
  | {
    readonly ok: true;
    /** ‖dhs[t−1]‖ = ‖∂L/∂h_t‖ for t = 1..T. */
    readonly norms: number[];
    readonly loss: number;
    readonly elapsedMs: number;
    /** The student's dhs vectors (dhs[t−1] = ∂L/∂h_t), for the per-step contributions to ∂L/∂Whh. */
    readonly dhs: number[][];
    /** The student's grads.Whh, or null when it was not an H×H array. */
    readonly dWhh: number[][] | null;
    /** The global norm of the student's five gradients, or null when one was malformed. */
    readonly gradNorm: number | null;
  }
  | { readonly ok: false; readonly status: string; readonly message: string };

/** Opens (or switches the panel to) one demo. */
export interface ShowDemoMessage {
  readonly type: 'showDemo';
  readonly demoId: DemoId;
  readonly title: string;
  /** One sentence: what the class should look for. */
  readonly lookFor: string;
  /** The demo's settings to start from (restored after a reload), {} for defaults. */
  readonly settings: DemoSettings;
  /** Where this demo sits in "Step through all", or null when it was opened on its own. */
  readonly presenter: PresenterPosition | null;
}

export interface PresenterPosition {
  /** 0-based. */
  readonly index: number;
  readonly total: number;
  readonly previousTitle: string | null;
  readonly nextTitle: string | null;
}

/** What became of an export the webview asked for. */
export interface ExportResultMessage {
  readonly type: 'exportResult';
  readonly format: ExportFormat;
  /** Saved, cancelled by the user, or failed (message says why). */
  readonly outcome: 'saved' | 'cancelled' | 'failed';
  readonly message: string;
}

export type HostToWebview = ShowPlotMessage | StudentResultMessage | ShowDemoMessage | ExportResultMessage;

// ───────────── webview → host ─────────────

/** The webview's script is running and listening: the host may post now. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Run the student's bptt on the probe problem built from these controls. */
export interface RunStudentMessage {
  readonly type: 'runStudent';
  readonly requestId: number;
  readonly controls: ProbeControls;
}

export type ExportFormat = 'png' | 'csv';

/** Save the chart (PNG as a data: URL) or the plotted numbers (CSV text) where the user chooses. */
export interface ExportRequestMessage {
  readonly type: 'export';
  readonly format: ExportFormat;
  readonly suggestedName: string;
  readonly data: string;
}

/** Presenter flow: go to the previous or next demo of the plan. */
export interface NavigateMessage {
  readonly type: 'navigate';
  readonly direction: 'previous' | 'next';
}

/** The class's prediction was recorded in the predict-then-run demo (choice id). */
export interface PredictionMessage {
  readonly type: 'prediction';
  readonly choiceId: string;
}

/** The webview drew (chart and data table): which view, how many curves and points (tests and diagnostics read this). */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly view: 'gradientPlot' | DemoId;
  readonly series: number;
  readonly points: number;
  /** Milliseconds from the change to the chart drawn: compute + chart update (the responsiveness budget). */
  readonly elapsedMs: number;
}

/** Something went wrong inside the webview (a message failed validation, a render threw). */
export interface WebviewErrorMessage {
  readonly type: 'webviewError';
  readonly message: string;
}

export type WebviewToHost =
  | ReadyMessage | RunStudentMessage | ExportRequestMessage | NavigateMessage | PredictionMessage
  | RenderedMessage | WebviewErrorMessage;

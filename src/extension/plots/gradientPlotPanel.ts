import * as path from 'node:path';
import * as vscode from 'vscode';
import { runStudentProbe, type StudentProbeRequest, type StudentProbeResult } from '../../checker/studentProbe';
import { probeProblem, PROBE_DEFAULTS, studentProbeInput, type ProbeControls } from '../../demos/probeProblem';
import type { StudentProbeOutcome, WebviewToHost } from '../../protocol';
import type { LabStatusStore } from '../labStatus';
import { saveExport } from './exportFile';
import { findLabDir, studentUnavailableReason } from './findLab';
import { PanelConnection } from './panelConnection';
import type { PanelLog } from './panelLog';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const GRADIENT_PLOT_VIEW_TYPE = 'rnnLab.gradientPlot';
const TITLE = 'RNN Lab: Gradient Plot';
/** The student's bptt gets this long per run (it runs on every control change). */
const PROBE_TIMEOUT_MS = 10_000;

export interface PlotDeps {
  readonly extensionUri: vscode.Uri;
  readonly labStatus: LabStatusStore;
  readonly log: PanelLog;
  /** Runs the student's bptt in the checker's sandbox (a worker), never in this process. */
  readonly probe: (req: StudentProbeRequest, signal: AbortSignal) => Promise<StudentProbeResult>;
}

export const sandboxProbe: PlotDeps['probe'] = (req, signal) => runStudentProbe(req, { signal });

/** The one student gradient plot panel: ‖∂L/∂h_t‖ of the student's bptt beside the engine's. */
export class GradientPlotPanel implements vscode.Disposable {
  private static current: GradientPlotPanel | undefined;
  private readonly connection: PanelConnection;
  private running: AbortController | undefined;
  private labDir: string | undefined;

  static show(deps: PlotDeps): GradientPlotPanel {
    if (GradientPlotPanel.current) {
      GradientPlotPanel.current.connection.panel.reveal();
      void GradientPlotPanel.current.refresh();
      return GradientPlotPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(GRADIENT_PLOT_VIEW_TYPE, TITLE, vscode.ViewColumn.Beside, webviewOptions(deps.extensionUri));
    return new GradientPlotPanel(panel, deps);
  }

  /** Brings a panel back after a reload (its webview restores its own controls and overlays). */
  static revive(panel: vscode.WebviewPanel, deps: PlotDeps): GradientPlotPanel {
    GradientPlotPanel.current?.dispose();
    panel.webview.options = webviewOptions(deps.extensionUri);
    return new GradientPlotPanel(panel, deps);
  }

  /** After a check: re-run an open plot on the newly checked code. */
  static refreshIfOpen(): boolean {
    if (!GradientPlotPanel.current) return false;
    void GradientPlotPanel.current.refresh();
    return true;
  }

  private constructor(panel: vscode.WebviewPanel, private readonly deps: PlotDeps, private controls: ProbeControls = PROBE_DEFAULTS) {
    GradientPlotPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'rnn-lab.svg');
    this.connection = new PanelConnection(panel, deps.log, () => void this.refresh(), (m) => void this.handle(m));
    panel.onDidDispose(() => this.dispose());
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'plot', TITLE);
  }

  private async refresh(): Promise<void> {
    this.labDir = await findLabDir(this.deps.labStatus);
    this.connection.post({
      type: 'showPlot',
      controls: this.controls,
      studentUnavailable: studentUnavailableReason(this.labDir),
      labName: this.labDir ? path.basename(this.labDir) : null,
    });
  }

  private async handle(message: Exclude<WebviewToHost, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'runStudent':
        this.controls = message.controls;
        await this.runStudent(message.requestId, message.controls);
        return;
      case 'export': {
        const near = this.labDir ? vscode.Uri.file(this.labDir) : undefined;
        this.connection.post(await saveExport(message.format, message.suggestedName, message.data, near));
        return;
      }
      case 'rendered':
      case 'webviewError':
      case 'navigate':
      case 'prediction':
        return; // recorded by the connection's log; nothing to do for the plot
      default: {
        const unreachable: never = message;
        throw new Error(`unhandled message ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private async runStudent(requestId: number, controls: ProbeControls): Promise<void> {
    const labDir = this.labDir;
    if (studentUnavailableReason(labDir) !== null || !labDir) return;
    // A newer request supersedes the one still running.
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    const input = studentProbeInput(probeProblem(controls));
    let result: StudentProbeOutcome;
    try {
      const r = await this.deps.probe({ labDir, ...input, timeoutMs: PROBE_TIMEOUT_MS }, abort.signal);
      result = r.ok
        ? { ok: true, norms: r.dhsNorms, loss: r.loss, elapsedMs: r.elapsedMs }
        : { ok: false, status: r.status, message: r.location ? `${r.message} (${r.location.file}:${r.location.line})` : r.message };
    } catch (e) {
      result = { ok: false, status: 'error', message: `The sandbox could not run your code: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (abort.signal.aborted) return;
    this.connection.post({ type: 'studentResult', requestId, result });
  }

  dispose(): void {
    if (GradientPlotPanel.current === this) GradientPlotPanel.current = undefined;
    this.running?.abort();
    this.connection.dispose();
    this.connection.panel.dispose();
  }
}

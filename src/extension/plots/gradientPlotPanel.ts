import * as path from 'node:path';
import * as vscode from 'vscode';
import { runStudentProbe, type StudentProbeRequest, type StudentProbeResult } from '../../checker';
import { probeProblem, PROBE_DEFAULTS, studentProbeInput, type ProbeControls } from '../../demos/probeProblem';
import type { LastBpttCheck, StudentProbeOutcome, WebviewToHost } from '../../protocol';
import type { LabFinder } from '../lab/labFinder';
import { readLabSettings } from '../lab/labSettings';
import type { LabStatusStore } from '../labStatus';
import { saveExport } from './exportFile';
import { lastBpttCheck } from './lastBpttCheck';
import { PanelConnection } from './panelConnection';
import type { PanelLog } from './panelLog';
import { studentRunDecision, untrustedReason } from './studentRunDecision';
import { webviewHtml, webviewOptions } from './webviewHtml';

export const GRADIENT_PLOT_VIEW_TYPE = 'rnnLab.gradientPlot';
const TITLE = 'RNN Lab: Gradient Plot';

export interface PlotDeps {
  readonly extensionUri: vscode.Uri;
  /** Finds the lab by the same rule as Check Lab. */
  readonly labs: LabFinder;
  /** The last check: its folder comes first, and its verdict on bptt is named beside the plot's. */
  readonly labStatus: LabStatusStore;
  /** Whether the workspace is trusted (read at each decision: trust can be granted any time). */
  readonly isTrusted: () => boolean;
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
      GradientPlotPanel.current.refresh();
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

  /** After a check, or once the workspace is trusted: re-run an open plot on the current code. */
  static refreshIfOpen(): boolean {
    if (!GradientPlotPanel.current) return false;
    GradientPlotPanel.current.refresh();
    return true;
  }

  private constructor(panel: vscode.WebviewPanel, private readonly deps: PlotDeps, private controls: ProbeControls = PROBE_DEFAULTS) {
    GradientPlotPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(deps.extensionUri, 'media', 'rnn-lab.svg');
    this.connection = new PanelConnection(panel, deps.log, () => this.refresh(), (m) => void this.handle(m));
    panel.onDidDispose(() => this.dispose());
    panel.webview.html = webviewHtml(panel.webview, deps.extensionUri, 'plot', TITLE);
  }

  /**
   * Sent at once (no workspace search first): the webview draws the engine's curve and asks for the
   * student's with `runStudent`; finding the lab is part of answering that.
   */
  private refresh(): void {
    const checked = this.deps.labStatus.labUri?.fsPath;
    const known = checked ?? this.labDir;
    // The last check's verdict speaks for this plot only if it checked the lab the plot runs.
    const check: LastBpttCheck | null = checked !== undefined && (this.labDir === undefined || this.labDir === checked)
      ? lastBpttCheck(this.deps.labStatus.get('bptt')) : null;
    this.connection.post({
      type: 'showPlot',
      controls: this.controls,
      studentUnavailable: untrustedReason(this.deps.isTrusted()),
      labName: known ? path.basename(known) : null,
      lastBpttCheck: check,
    });
  }

  /** The lab to run: Check Lab's rule, remembering this plot's last one; asks only when it has none. */
  private async findLab(): Promise<string | undefined> {
    const remembered = this.deps.labStatus.labUri ?? (this.labDir ? vscode.Uri.file(this.labDir) : undefined);
    return (await this.deps.labs.resolve(undefined, remembered, this.labDir === undefined))?.fsPath;
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
    // A newer request supersedes the one still running.
    this.running?.abort();
    const abort = new AbortController();
    this.running = abort;
    // Trust first: an untrusted workspace is not even searched for a lab.
    const trusted = this.deps.isTrusted();
    const decision = studentRunDecision(trusted, trusted ? await this.findLab() : undefined);
    if (abort.signal.aborted) return;
    if (!decision.run) {
      this.connection.post({ type: 'studentResult', requestId, result: { ok: false, status: 'unavailable', message: decision.reason }, labName: null });
      return;
    }
    const labDir = decision.labDir;
    this.labDir = labDir;
    const input = studentProbeInput(probeProblem(controls));
    let result: StudentProbeOutcome;
    try {
      const r = await this.deps.probe({ labDir, ...input, timeoutMs: readLabSettings().timeoutMs }, abort.signal);
      result = r.ok
        ? { ok: true, norms: r.dhsNorms, loss: r.loss, elapsedMs: r.elapsedMs, dhs: r.dhs, dWhh: r.dWhh, gradNorm: r.gradNorm }
        : { ok: false, status: r.status, message: r.location ? `${r.message} (${r.location.file}:${r.location.line})` : r.message };
    } catch (e) {
      result = { ok: false, status: 'error', message: `The sandbox could not run your code: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (abort.signal.aborted) return;
    this.connection.post({ type: 'studentResult', requestId, result, labName: path.basename(labDir) });
  }

  dispose(): void {
    if (GradientPlotPanel.current === this) GradientPlotPanel.current = undefined;
    this.running?.abort();
    this.connection.dispose();
    this.connection.panel.dispose();
  }
}

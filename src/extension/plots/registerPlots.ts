import * as vscode from 'vscode';
import type { LabStatusStore } from '../labStatus';
import { DEMO_VIEW_TYPE, DemoPanel } from './demoPanel';
import { LabLocator } from './findLab';
import { GRADIENT_PLOT_VIEW_TYPE, GradientPlotPanel, sandboxProbe, type PlotDeps } from './gradientPlotPanel';
import { PanelLog } from './panelLog';
import { demoTargetFor } from './pickDemo';
import { demoTargetFromState } from './restoreState';
import { registerTestCommands } from '../testCommands';

/** For RNN Lab's tests only: what the panels said and heard. */
export const PLOTS_LOG_COMMAND = 'rnnLab.internal.plotsLog';

/** The student gradient plot and the instructor demos (owned by the plots feature). */
export function registerPlots(context: vscode.ExtensionContext, labStatus: LabStatusStore): void {
  const log = new PanelLog();
  const labs = new LabLocator(labStatus);
  const plotDeps: PlotDeps = {
    extensionUri: context.extensionUri, labs, log, probe: sandboxProbe,
    isTrusted: () => vscode.workspace.isTrusted,
  };
  const demoDeps = { extensionUri: context.extensionUri, log };

  context.subscriptions.push(
    labs,
    // Trust granted while the plot is open: the student's curve joins the engine's at once.
    vscode.workspace.onDidGrantWorkspaceTrust(() => { GradientPlotPanel.refreshIfOpen(); }),
    vscode.commands.registerCommand('rnnLab.showGradientPlot', () => { GradientPlotPanel.show(plotDeps); }),
    vscode.commands.registerCommand('rnnLab.runDemo', async (arg?: unknown) => {
      const target = await demoTargetFor(arg);
      if (target) DemoPanel.show(demoDeps, target);
    }),
    // Panels come back after a window reload with the state their webview saved.
    vscode.window.registerWebviewPanelSerializer(GRADIENT_PLOT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => { GradientPlotPanel.revive(panel, plotDeps); },
    }),
    vscode.window.registerWebviewPanelSerializer(DEMO_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => { DemoPanel.revive(panel, demoDeps, demoTargetFromState(state)); },
    }),
    // After every check: re-run an open plot on the new code, or offer to open it.
    labStatus.onDidChange(() => {
      if (GradientPlotPanel.refreshIfOpen()) return;
      if (labStatus.get('bptt').state === 'unchecked') return;
      void vscode.window
        .showInformationMessage('Lab checked. See how the gradient of your bptt shrinks or grows across time steps?', 'Show Gradient Plot')
        .then((choice) => { if (choice) void vscode.commands.executeCommand('rnnLab.showGradientPlot'); });
    }),
  );
  registerTestCommands(context, { [PLOTS_LOG_COMMAND]: () => log.snapshot() });
}

/**
 * The student gradient plot: ‖∂L/∂h_t‖ per step from the student's bptt (run by the host in the
 * checker's sandbox) beside the engine's reference (computed right here, so moving a control
 * redraws at once), with overlays, a data table, a summary line and PNG / CSV export; below it,
 * what clipping does to the parameter gradients and ∂L/∂Whh as a sum of per-step contributions.
 */
import { createEngine } from '../../src/engine';
import { engineProbe, probeProblem, PROBE_DEFAULTS, PROBE_LENGTHS, PROBE_RADII, type ProbeControls } from '../../src/demos/probeProblem';
import type { HostToWebview, LastBpttCheck, PlotPanelState, PlotRun, StudentProbeOutcome } from '../../src/protocol';
import { renderDataTable, toCsv } from '../shared/dataTable';
import { appRoot, chartBox, el } from '../shared/dom';
import { LineChart } from '../shared/lineChart';
import { onThemeChange } from '../shared/theme';
import { ProtocolError, validateControls, validatePlotRun } from '../shared/validate';
import { onHostMessage, post, savedState, saveState } from '../shared/vscodeApi';
import { button, dropdown, progressRing, registerToolkit, textField } from '../ui/toolkit';
import { PLOT_CONTROL_LABELS } from '../../src/lesson/trainingPitfalls';
import { clippingReadout } from './clippingReadout';
import { clippingSection, renderClipping } from './clippingPanel';
import { ContributionsView, type StudentWhh } from './contributionsView';
import { disagreementMarker, plotSeries, runLabel, summaryLine } from './plotSeries';
import { probeBackward, type ProbeBackward } from './probeBackward';
import { whhContributions } from './whhContributions';

const MAX_OVERLAYS = 4;

// The plot's Content Security Policy does not allow compiling WebAssembly (it gains too little from
// the kernels to ask for it): its engine runs the TypeScript loops.
const engine = createEngine({ kernels: 'typescript' });
registerToolkit();
const restored = restoreState(savedState());
let controls: ProbeControls = restored?.controls ?? PROBE_DEFAULTS;
let overlays: PlotRun[] = restored?.overlays ?? [];
let current: PlotRun | null = null;
/** The engine's backward pass on the current controls (clipping readout, ∂L/∂Whh panel). */
let backward: ProbeBackward | null = null;
/** What the student's last run returned for the clipping readout and the ∂L/∂Whh panel. */
let studentWhh: StudentWhh | null = null;
let studentGradNorm: number | null = null;
let requestId = 0;
/** Null while the student's code may run; else why not (shown in the panel, engine curve only). */
let studentUnavailable: string | null = null;
/** Whether VS Code has answered `ready` yet (the engine's curve is drawn before it does). */
let connected = false;
let labName: string | null = null;
/** The last Check Lab's verdict on bptt when it did not pass (the summary names what it found). */
let lastBpttCheck: LastBpttCheck | null = null;
/** "Your bptt (rnn-lab/rnn.ts) ran in 12 ms…", shown above the chart after a run. */
let lastRun = '';
/** The summary's note when the code was not run; the reason itself is shown above the chart. */
const NOT_RUN = 'Your bptt was not run: see the note above the chart.';
let tableTimer: number | undefined;
/** The panels below the chart, computed on the next task after a control change. */
let panelsTimer: number | undefined;

const root = appRoot();
root.classList.add('plot');
const { box, canvas } = chartBox('gradient-chart');
const summary = el('p', { id: 'summary', className: 'summary' });
summary.setAttribute('aria-live', 'polite');
const status = el('p', { id: 'status', className: 'status' });
const table = el('table', { id: 'data-table', className: 'data' });
const header = el('h1', { text: 'Gradient norms per time step: your bptt vs the engine' });
const labLine = el('p', { id: 'lab', className: 'muted' });
/** What became of the student's curve: connecting, running, not available (and why), failed. */
const studentState = el('div', { id: 'student-state', className: 'student-state' });
studentState.setAttribute('role', 'status');

const controlsBar = el('div', { className: 'controls', id: 'controls' },
  dropdown('radius', PLOT_CONTROL_LABELS.radius, PROBE_RADII.map((r) => ({ value: String(r), label: String(r) })), String(controls.radius),
    (v) => change({ radius: Number(v) })),
  dropdown('length', PLOT_CONTROL_LABELS.length, PROBE_LENGTHS.map((t) => ({ value: String(t), label: String(t) })), String(controls.T),
    (v) => change({ T: Number(v) })),
  textField('input-scale', PLOT_CONTROL_LABELS.inputScale, String(controls.inputScale), (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0) return say(`Input scale must be a number ≥ 0, got "${v}".`);
    change({ inputScale: n });
  }),
  textField('clip', PLOT_CONTROL_LABELS.clip, controls.clip === null ? '' : String(controls.clip), (v) => {
    if (v.trim() === '') return change({ clip: null });
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) return say(`The clipping threshold must be a number > 0 (or empty for none), got "${v}".`);
    change({ clip: n });
  }),
);
const actions = el('div', { className: 'actions' },
  button('Keep for comparison', keepOverlay, { id: 'keep', secondary: true, title: 'Keep this run on the chart while you change the controls' }),
  button('Clear comparisons', () => { overlays = []; persist(); render(); }, { id: 'clear-overlays', secondary: true }),
  button('Export PNG', () => exportAs('png'), { id: 'export-png', secondary: true }),
  button('Export CSV', () => exportAs('csv'), { id: 'export-csv', secondary: true }),
);
const tableBox = el('details', { className: 'table-box' }, el('summary', { text: 'Data table (the plotted numbers)' }), table);
tableBox.open = true;
const clipping = clippingSection();
const contributions = new ContributionsView();
root.append(header, labLine, controlsBar, actions, studentState, box, summary, status, clipping, contributions.section, tableBox);
const chart = new LineChart(canvas, { title: '', xLabel: 'time step t', yLabel: '‖∂L/∂h_t‖ (log scale)', logY: true, series: [] });
onThemeChange(() => { chart.retheme(); contributions.retheme(); });

onHostMessage('plot', handle);
post({ type: 'ready' });
// The engine's curve needs nothing from VS Code: draw it now, the student's joins when it comes.
run();

function handle(message: HostToWebview): void {
  switch (message.type) {
    case 'showPlot': {
      connected = true;
      studentUnavailable = message.studentUnavailable;
      labName = message.labName;
      lastBpttCheck = message.lastBpttCheck;
      // A restored webview keeps its own controls; a fresh one starts from the host's.
      const next = restored ? controls : message.controls;
      if (current && sameControls(next, controls)) {
        current = { ...current, student: null, studentProblem: studentUnavailable === null ? null : NOT_RUN };
        studentWhh = null;
        studentGradNorm = null;
        render();
        renderPanels();
        requestStudent();
      } else {
        controls = next;
        run();
      }
      break;
    }
    case 'studentResult':
      if (message.requestId === requestId && current) {
        if (message.labName !== null) labName = message.labName;
        applyStudent(message.result);
      }
      break;
    case 'exportResult':
      say(message.message);
      break;
    case 'showDemo':
      post({ type: 'webviewError', message: 'The gradient plot cannot show a demo; RNN Lab: Run Demo… opens its own panel.' });
      break;
    default: {
      const unreachable: never = message;
      throw new ProtocolError('message', `unhandled: ${JSON.stringify(unreachable)}`);
    }
  }
}

function change(patch: Partial<ProbeControls>): void {
  controls = { ...controls, ...patch };
  run();
}

/** Engine now (synchronously, then draw), the student's code in the host's sandbox (answer later). */
function run(): void {
  const t0 = performance.now();
  const problem = probeProblem(controls);
  const probe = engineProbe(engine, problem, controls.clip);
  current = {
    label: runLabel(controls),
    controls,
    engine: probe.norms,
    student: null,
    studentProblem: studentUnavailable === null ? null : NOT_RUN,
  };
  persist();
  // The panels below the chart follow it on the next task: they are read, not watched while
  // dragging, and their second backward pass must not hold the chart back. Scheduled before the
  // chart's own table (render), so they are in place when the page reports the frame.
  backward = null;
  studentWhh = null;
  studentGradNorm = null;
  window.clearTimeout(panelsTimer);
  panelsTimer = window.setTimeout(() => {
    backward = probeBackward(engine, problem);
    renderPanels();
  }, 0);
  render(t0);
  requestStudent();
}

/** The clipping readout and the ∂L/∂Whh panel, for the current controls and student run. */
function renderPanels(): void {
  if (!backward) return;
  renderClipping(clipping, clippingReadout(backward.grads, controls.clip), studentGradNorm);
  contributions.render(backward.hs, whhContributions(backward.hs, backward.dhs), backward.grads.Whh.data, studentWhh);
}

/** Asks VS Code for the student's curve on the current controls, when it may run. */
function requestStudent(): void {
  if (connected && studentUnavailable === null) {
    requestId++;
    post({ type: 'runStudent', requestId, controls });
    showStudentState('running');
  } else {
    showStudentState(connected ? 'unavailable' : 'connecting');
  }
}

function applyStudent(result: StudentProbeOutcome): void {
  if (!current) return;
  studentWhh = null;
  studentGradNorm = null;
  if (result.ok) {
    current = { ...current, student: result.norms, studentProblem: null };
    studentWhh = { dhs: result.dhs, dWhh: result.dWhh };
    studentGradNorm = result.gradNorm;
    lastRun = `Your bptt${labName ? ` (${labName}/rnn.ts)` : ''} ran in ${Math.round(result.elapsedMs)} ms, loss ${result.loss.toPrecision(6)}: its curve is the hollow diamonds.`;
    showStudentState('done');
  } else if (result.status === 'unavailable') {
    // Not the student's fault (no lab, untrusted workspace): the reason says what to do.
    current = { ...current, student: null, studentProblem: NOT_RUN };
    studentUnavailable = result.message;
    showStudentState('unavailable');
  } else {
    current = { ...current, student: null, studentProblem: `Your bptt did not run (${result.status}): ${result.message}` };
    showStudentState('failed');
  }
  render();
  renderPanels();
}

type StudentStateKind = 'connecting' | 'running' | 'unavailable' | 'failed' | 'done';

/** The line above the chart that says where the student's curve is, and the lab line. */
function showStudentState(kind: StudentStateKind): void {
  studentState.className = `student-state ${kind}`;
  studentState.dataset.state = kind;
  labLine.textContent = labName ? `Lab: ${labName}` : kind === 'running' ? 'Looking for your lab folder…' : '';
  switch (kind) {
    case 'connecting':
      studentState.replaceChildren(progressRing(), 'Connecting to VS Code… the engine\'s curve is shown meanwhile.');
      break;
    case 'running':
      studentState.replaceChildren(progressRing(), `Running your bptt${labName ? ` (${labName}/rnn.ts)` : ''}… the engine's curve is shown meanwhile.`);
      break;
    case 'unavailable':
      studentState.replaceChildren(el('strong', { text: 'Engine curve only. ' }), studentUnavailable ?? '');
      break;
    case 'failed':
      studentState.replaceChildren(el('strong', { text: 'Your curve is missing. ' }), current?.studentProblem ?? '');
      break;
    case 'done':
      studentState.replaceChildren(lastRun);
      break;
  }
}

function sameControls(a: ProbeControls, b: ProbeControls): boolean {
  return a.radius === b.radius && a.T === b.T && a.inputScale === b.inputScale && a.clip === b.clip;
}

function render(t0 = performance.now()): void {
  if (!current) return;
  const series = plotSeries(current, overlays);
  chart.show({
    title: current.label, xLabel: 'time step t', yLabel: '‖∂L/∂h_t‖ (log scale)', logY: true,
    series, markers: disagreementMarker(current),
  });
  summary.textContent = summaryLine(current, lastBpttCheck);
  const elapsedMs = performance.now() - t0;
  // The table follows right after the chart is on screen (it is for reading, not for the eye).
  const caption = `‖∂L/∂h_t‖ per time step (${current.label})`;
  window.clearTimeout(tableTimer);
  tableTimer = window.setTimeout(() => {
    renderDataTable(table, caption, 't', series);
    post({ type: 'rendered', view: 'gradientPlot', series: chart.seriesCount(), points: chart.pointCount(), elapsedMs });
  }, 0);
}

function keepOverlay(): void {
  if (!current) return;
  overlays = [...overlays, current].slice(-MAX_OVERLAYS);
  persist();
  render();
  say(`Kept "${current.label}" for comparison (${overlays.length} kept).`);
}

function exportAs(format: 'png' | 'csv'): void {
  if (!current) return;
  const name = `gradient-norms-rho${controls.radius}-T${controls.T}`;
  post(format === 'png'
    ? { type: 'export', format, suggestedName: `${name}.png`, data: chart.toPng() }
    : { type: 'export', format, suggestedName: `${name}.csv`, data: toCsv('t', plotSeries(current, overlays)) });
}

function say(text: string): void {
  status.textContent = text;
}

function persist(): void {
  const state: PlotPanelState = { kind: 'gradientPlot', controls, overlays };
  saveState(state);
}

/** The state saved before a hide or reload, if it is one of ours and well-formed. */
function restoreState(state: unknown): PlotPanelState | null {
  try {
    if (state === null || typeof state !== 'object') return null;
    const s = state as Record<string, unknown>;
    if (s.kind !== 'gradientPlot' || !Array.isArray(s.overlays)) return null;
    const runs = s.overlays.map((r, i) => validatePlotRun(r, `overlays[${i}]`));
    return { kind: 'gradientPlot', controls: validateControls(s.controls), overlays: runs.slice(-MAX_OVERLAYS) };
  } catch {
    return null;
  }
}

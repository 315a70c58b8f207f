/**
 * The instructor demo panel: one demo at a time, in projector-sized text, with the sentence saying
 * what to look for, the seed, and — in "Step through all" — previous / next in the plan's order.
 * Every series is computed here by the seeded engine, so the panel redraws without a round trip.
 */
import { createEngine } from '../../src/engine';
import type { DemoId } from '../../src/lesson/demos';
import type { DemoPanelState, DemoSettings, HostToWebview, ShowDemoMessage } from '../../src/protocol';
import { appRoot, el } from '../shared/dom';
import type { LineChart } from '../shared/lineChart';
import { onThemeChange } from '../shared/theme';
import { ProtocolError, validateSettings } from '../shared/validate';
import { onHostMessage, post, savedState, saveState } from '../shared/vscodeApi';
import { button, registerToolkit, useLargeControls } from '../ui/toolkit';
import { mountClipping } from './clippingView';
import { DEMO_FONT_PX, type DemoContext, type DemoView } from './demoContext';
import { mountGating } from './gatingView';
import { mountGradientNorms } from './gradientNormsView';
import { mountHorizon } from './horizonView';
import { mountPredict } from './predictView';
import { mountTrain } from './trainView';

const VIEWS: Readonly<Record<DemoId, (root: HTMLElement, ctx: DemoContext) => DemoView>> = {
  train: mountTrain,
  gradientNorms: mountGradientNorms,
  predictThenRun: mountPredict,
  clipping: mountClipping,
  horizon: mountHorizon,
  gating: mountGating,
};

registerToolkit();
// The demo panel's Content Security Policy allows 'wasm-unsafe-eval' (compiling WebAssembly and
// nothing else), so the training demo runs on the engine's SIMD kernels: about 2.5 times the steps
// per second of its TypeScript loops (README, "Benchmark"). Why they could not be built goes to the console.
const engine = createEngine({ kernels: 'wasm', log: (message) => console.warn(message) });
const root = appRoot();
root.classList.add('demo');
document.body.classList.add('projector');
// On #app, not <body>: the toolkit re-applies the theme's tokens on <body> when the theme changes.
useLargeControls(root, DEMO_FONT_PX);
const status = el('p', { id: 'status', className: 'status' });
status.setAttribute('aria-live', 'polite');
let view: DemoView | null = null;
let state: DemoPanelState | null = null;
let restoredSettings = restoreSettings(savedState());

onThemeChange(() => view?.retheme());
onHostMessage('demo', handle);
post({ type: 'ready' });

function handle(message: HostToWebview): void {
  switch (message.type) {
    case 'showDemo':
      show(message);
      break;
    case 'exportResult':
      status.textContent = message.message;
      break;
    case 'showPlot':
    case 'studentResult':
      post({ type: 'webviewError', message: `The demo panel does not handle "${message.type}"; the gradient plot has its own panel.` });
      break;
    default: {
      const unreachable: never = message;
      throw new ProtocolError('message', `unhandled: ${JSON.stringify(unreachable)}`);
    }
  }
}

function show(message: ShowDemoMessage): void {
  view?.dispose();
  // The same demo after a reload resumes from the webview's own saved settings.
  const settings = restoredSettings && restoredSettings.demoId === message.demoId ? { ...message.settings, ...restoredSettings.demo } : message.settings;
  restoredSettings = null;
  state = { kind: 'demo', demoId: message.demoId, presenterIndex: message.presenter?.index ?? null, demo: settings };
  saveState(state);
  const body = el('section', { className: 'demo-body', id: `demo-${message.demoId}` });
  const header = el('header', { className: 'demo-header' },
    el('h1', { id: 'demo-title', text: message.title }),
    el('p', { id: 'look-for', className: 'look-for' }, el('strong', { text: 'Look for: ' }), message.lookFor),
  );
  const nav = message.presenter ? presenterNav(message) : el('span');
  root.replaceChildren(header, nav, body, status);
  const ctx: DemoContext = {
    engine,
    settings,
    save(patch: DemoSettings) {
      if (!state) return;
      state = { ...state, demo: { ...state.demo, ...patch } };
      saveState(state);
    },
    rendered(charts: readonly LineChart[], startedAt: number) {
      post({
        type: 'rendered', view: message.demoId, series: charts.reduce((n, c) => n + c.seriesCount(), 0),
        points: charts.reduce((n, c) => n + c.pointCount(), 0), elapsedMs: performance.now() - startedAt,
      });
    },
    recordPrediction(choiceId: string) {
      post({ type: 'prediction', choiceId });
    },
    exportable(name: string, csv: () => string, chart: LineChart) {
      return el('div', { className: 'actions' },
        button('Export PNG', () => post({ type: 'export', format: 'png', suggestedName: `${name}.png`, data: chart.toPng() }), { id: 'export-png', secondary: true }),
        button('Export CSV', () => post({ type: 'export', format: 'csv', suggestedName: `${name}.csv`, data: csv() }), { id: 'export-csv', secondary: true }),
      );
    },
  };
  view = VIEWS[message.demoId](body, ctx);
}

function presenterNav(message: ShowDemoMessage): HTMLElement {
  const p = message.presenter;
  if (!p) return el('span');
  const prev = button(p.previousTitle ? `← ${p.previousTitle}` : 'First demo of the plan', () => post({ type: 'navigate', direction: 'previous' }), { id: 'previous', secondary: true });
  const next = button(p.nextTitle ? `${p.nextTitle} →` : 'Last demo of the plan', () => post({ type: 'navigate', direction: 'next' }), { id: 'next' });
  if (!p.previousTitle) prev.setAttribute('disabled', '');
  if (!p.nextTitle) next.setAttribute('disabled', '');
  return el('nav', { className: 'presenter', id: 'presenter' }, prev, el('span', { className: 'position', text: `Demo ${p.index + 1} of ${p.total}` }), next);
}

function restoreSettings(saved: unknown): { demoId: string; demo: DemoSettings } | null {
  try {
    if (saved === null || typeof saved !== 'object') return null;
    const s = saved as Record<string, unknown>;
    if (s.kind !== 'demo' || typeof s.demoId !== 'string') return null;
    return { demoId: s.demoId, demo: validateSettings(s.demo, 'state.demo') };
  } catch {
    return null;
  }
}

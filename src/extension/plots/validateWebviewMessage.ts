import { isDemoId } from '../../lesson/demos';
import type { ProbeControls } from '../../demos/probeProblem';
import type { WebviewToHost } from '../../protocol';

/**
 * The host checks what a webview posts, too: a message it does not understand is reported, never
 * acted on. Returns the typed message or a sentence saying what is wrong.
 */
export function validateWebviewMessage(data: unknown): WebviewToHost | string {
  if (data === null || typeof data !== 'object') return `expected an object, got ${typeof data}`;
  const m = data as Record<string, unknown>;
  const type = m.type as WebviewToHost['type'];
  switch (type) {
    case 'ready':
      return { type };
    case 'runStudent': {
      const controls = readControls(m.controls);
      if (typeof m.requestId !== 'number' || typeof controls === 'string') return `runStudent needs a requestId and controls (${typeof controls === 'string' ? controls : 'requestId'})`;
      return { type, requestId: m.requestId, controls };
    }
    case 'export':
      if ((m.format !== 'png' && m.format !== 'csv') || typeof m.suggestedName !== 'string' || typeof m.data !== 'string') {
        return 'export needs format "png" or "csv", a suggestedName and data';
      }
      return { type, format: m.format, suggestedName: m.suggestedName, data: m.data };
    case 'navigate':
      if (m.direction !== 'previous' && m.direction !== 'next') return 'navigate needs direction "previous" or "next"';
      return { type, direction: m.direction };
    case 'prediction':
      if (typeof m.choiceId !== 'string') return 'prediction needs a choiceId';
      return { type, choiceId: m.choiceId };
    case 'rendered': {
      const view = m.view;
      if (typeof view !== 'string' || (view !== 'gradientPlot' && !isDemoId(view))) return 'rendered needs a known view';
      if (typeof m.series !== 'number' || typeof m.points !== 'number' || typeof m.elapsedMs !== 'number') return 'rendered needs series, points and elapsedMs';
      return { type, view, series: m.series, points: m.points, elapsedMs: m.elapsedMs };
    }
    case 'webviewError':
      return { type, message: typeof m.message === 'string' ? m.message : 'unknown webview error' };
    default: {
      const unknown: never = type;
      return `unknown message type ${JSON.stringify(unknown)}`;
    }
  }
}

/** Probe controls within the ranges the plot offers (student code runs on them). */
export function readControls(v: unknown): ProbeControls | string {
  if (v === null || typeof v !== 'object') return 'controls must be an object';
  const c = v as Record<string, unknown>;
  const { radius, T, inputScale, clip } = c;
  if (typeof radius !== 'number' || !(radius >= 0 && radius <= 10)) return 'controls.radius must be a number in 0..10';
  if (typeof T !== 'number' || !Number.isInteger(T) || T < 1 || T > 1000) return 'controls.T must be an integer in 1..1000';
  if (typeof inputScale !== 'number' || !(inputScale >= 0 && inputScale <= 100)) return 'controls.inputScale must be a number in 0..100';
  if (clip !== null && (typeof clip !== 'number' || !(clip > 0))) return 'controls.clip must be a positive number or null';
  return { radius, T, inputScale, clip };
}

/**
 * Checks what arrives from outside the webview's own code (host messages, restored state) before
 * it is used. Each check returns the typed value or throws a ProtocolError naming the field.
 */
import type { ProbeControls } from '../../src/demos/probeProblem';
import { isDemoId } from '../../src/lesson/demos';
import type {
  DemoSettings, HostToWebview, LastBpttCheck, PlotRun, PresenterPosition, StudentProbeOutcome,
} from '../../src/protocol';

export class ProtocolError extends Error {
  constructor(field: string, detail: string) {
    super(`${field} ${detail}`);
    this.name = 'ProtocolError';
  }
}

type Obj = Record<string, unknown>;

function obj(field: string, v: unknown): Obj {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new ProtocolError(field, `must be an object, got ${kind(v)}`);
  return v as Obj;
}

function str(field: string, v: unknown): string {
  if (typeof v !== 'string') throw new ProtocolError(field, `must be a string, got ${kind(v)}`);
  return v;
}

function strOrNull(field: string, v: unknown): string | null {
  return v === null ? null : str(field, v);
}

function num(field: string, v: unknown): number {
  if (typeof v !== 'number') throw new ProtocolError(field, `must be a number, got ${kind(v)}`);
  return v;
}

/** Finite numbers only where a number must be finite; NaN and ±Infinity are allowed in series. */
function finite(field: string, v: unknown): number {
  const n = num(field, v);
  if (!Number.isFinite(n)) throw new ProtocolError(field, `must be finite, got ${n}`);
  return n;
}

function numbers(field: string, v: unknown): number[] {
  if (!Array.isArray(v)) throw new ProtocolError(field, `must be an array of numbers, got ${kind(v)}`);
  // JSON turns NaN into null on the way: accept null as "not a number".
  return v.map((x, i) => (x === null ? NaN : num(`${field}[${i}]`, x)));
}

function rows(field: string, v: unknown): number[][] {
  if (!Array.isArray(v)) throw new ProtocolError(field, `must be an array of number arrays, got ${kind(v)}`);
  return v.map((r, i) => numbers(`${field}[${i}]`, r));
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

export function validateControls(v: unknown, field = 'controls'): ProbeControls {
  const o = obj(field, v);
  const radius = finite(`${field}.radius`, o.radius);
  const T = finite(`${field}.T`, o.T);
  if (!Number.isInteger(T) || T < 1 || T > 1000) throw new ProtocolError(`${field}.T`, `must be an integer in 1..1000, got ${T}`);
  const inputScale = finite(`${field}.inputScale`, o.inputScale);
  const clip = o.clip === null ? null : finite(`${field}.clip`, o.clip);
  if (radius < 0 || inputScale < 0 || (clip !== null && clip <= 0)) {
    throw new ProtocolError(field, 'needs radius ≥ 0, inputScale ≥ 0 and clip > 0 or null');
  }
  return { radius, T, inputScale, clip };
}

export function validateSettings(v: unknown, field = 'settings'): DemoSettings {
  const o = obj(field, v);
  const out: { -readonly [K in keyof DemoSettings]: DemoSettings[K] } = {};
  if (o.trainSteps !== undefined) out.trainSteps = finite(`${field}.trainSteps`, o.trainSteps);
  if (o.prediction !== undefined) out.prediction = str(`${field}.prediction`, o.prediction);
  if (o.revealed !== undefined) {
    if (typeof o.revealed !== 'boolean') throw new ProtocolError(`${field}.revealed`, `must be true or false, got ${kind(o.revealed)}`);
    out.revealed = o.revealed;
  }
  return out;
}

function presenter(v: unknown): PresenterPosition | null {
  if (v === null) return null;
  const o = obj('presenter', v);
  return {
    index: finite('presenter.index', o.index),
    total: finite('presenter.total', o.total),
    previousTitle: strOrNull('presenter.previousTitle', o.previousTitle),
    nextTitle: strOrNull('presenter.nextTitle', o.nextTitle),
  };
}

/** Absent (an older host) reads as null. */
function lastBpttCheck(v: unknown): LastBpttCheck | null {
  if (v === undefined || v === null) return null;
  const o = obj('lastBpttCheck', v);
  return { status: str('lastBpttCheck.status', o.status), part: strOrNull('lastBpttCheck.part', o.part) };
}

function outcome(v: unknown): StudentProbeOutcome {
  const o = obj('result', v);
  if (o.ok === true) {
    return {
      ok: true, norms: numbers('result.norms', o.norms), loss: num('result.loss', o.loss), elapsedMs: finite('result.elapsedMs', o.elapsedMs),
      dhs: rows('result.dhs', o.dhs), dWhh: o.dWhh === null ? null : rows('result.dWhh', o.dWhh),
      gradNorm: o.gradNorm === null ? null : num('result.gradNorm', o.gradNorm),
    };
  }
  if (o.ok === false) return { ok: false, status: str('result.status', o.status), message: str('result.message', o.message) };
  throw new ProtocolError('result.ok', 'must be true or false');
}

/** A message from the host, validated; throws ProtocolError when it is not one we understand. */
export function validateHostMessage(data: unknown): HostToWebview {
  const m = obj('message', data);
  const type = str('message.type', m.type) as HostToWebview['type'];
  switch (type) {
    case 'showPlot':
      return {
        type, controls: validateControls(m.controls), studentUnavailable: strOrNull('studentUnavailable', m.studentUnavailable),
        labName: strOrNull('labName', m.labName), lastBpttCheck: lastBpttCheck(m.lastBpttCheck),
      };
    case 'studentResult':
      return { type, requestId: finite('requestId', m.requestId), result: outcome(m.result), labName: strOrNull('labName', m.labName) };
    case 'showDemo': {
      const demoId = str('demoId', m.demoId);
      if (!isDemoId(demoId)) throw new ProtocolError('demoId', `is not a known demo: ${JSON.stringify(demoId)}`);
      return { type, demoId, title: str('title', m.title), lookFor: str('lookFor', m.lookFor), settings: validateSettings(m.settings), presenter: presenter(m.presenter) };
    }
    case 'exportResult': {
      const format = str('format', m.format);
      const result = str('outcome', m.outcome);
      if ((format !== 'png' && format !== 'csv') || (result !== 'saved' && result !== 'cancelled' && result !== 'failed')) {
        throw new ProtocolError('exportResult', `has an unknown format or outcome: ${format}, ${result}`);
      }
      return { type, format, outcome: result, message: str('message', m.message) };
    }
    default: {
      const unknown: never = type;
      throw new ProtocolError('message.type', `is not one the webview understands: ${JSON.stringify(unknown)}`);
    }
  }
}

function numbersOrNull(field: string, v: unknown): number[] | null {
  return v === null ? null : numbers(field, v);
}

/** An overlaid run restored from saved state. */
export function validatePlotRun(v: unknown, field = 'run'): PlotRun {
  const o = obj(field, v);
  return {
    label: str(`${field}.label`, o.label),
    controls: validateControls(o.controls, `${field}.controls`),
    engine: numbers(`${field}.engine`, o.engine),
    student: numbersOrNull(`${field}.student`, o.student),
    studentProblem: strOrNull(`${field}.studentProblem`, o.studentProblem),
  };
}

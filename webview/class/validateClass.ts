import type { ClassViewData, HostToClassView } from '../../src/protocol';

/** The host's message, checked before use: anything that does not fit throws with the field named. */
export function validateClassMessage(data: unknown): HostToClassView {
  const m = record(data, 'message');
  if (m.type === 'showClass') return { type: 'showClass', view: validateView(m.view) };
  if (m.type === 'classExportResult') {
    if (m.outcome !== 'saved' && m.outcome !== 'cancelled' && m.outcome !== 'failed') throw new Error('classExportResult.outcome is not saved, cancelled or failed');
    return { type: 'classExportResult', outcome: m.outcome, message: text(m.message, 'classExportResult.message') };
  }
  throw new Error(`unknown message type ${JSON.stringify(m.type)}`);
}

function validateView(v: unknown): ClassViewData {
  const view = record(v, 'view');
  text(view.folder, 'view.folder');
  text(view.seatBelt, 'view.seatBelt');
  for (const [field, list] of [['students', view.students], ['tasks', view.tasks], ['mistakes', view.mistakes]] as const) {
    if (!Array.isArray(list)) throw new Error(`view.${field} is not a list`);
    for (const item of list) record(item, `view.${field}[]`);
  }
  // The rows are drawn with textContent only, so a wrong string cannot inject markup; shapes were checked above.
  return view as unknown as ClassViewData;
}

function record(v: unknown, field: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${field} is not an object`);
  return v as Record<string, unknown>;
}

function text(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new Error(`${field} is not text`);
  return v;
}

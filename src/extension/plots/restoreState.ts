import { isDemoId } from '../../lesson/demos';
import { presenterOrder } from '../../demos/presenterOrder';
import type { DemoSettings } from '../../protocol';
import type { DemoTarget } from './demoPanel';

/**
 * The demo to bring back from a reloaded panel's saved state (written by the webview). Anything
 * malformed falls back to the first demo of the plan rather than failing to restore.
 */
export function demoTargetFromState(state: unknown): DemoTarget {
  const s = (state !== null && typeof state === 'object' ? state : {}) as Record<string, unknown>;
  const order = presenterOrder();
  const demoId = typeof s.demoId === 'string' && isDemoId(s.demoId) ? s.demoId : order[0];
  const index = typeof s.presenterIndex === 'number' && order[s.presenterIndex] === demoId ? s.presenterIndex : null;
  // The webview validates its settings itself when it restores them; pass them on untouched.
  const settings = (s.demo !== null && typeof s.demo === 'object' ? s.demo : {}) as DemoSettings;
  return { demoId, presenterIndex: index, settings };
}

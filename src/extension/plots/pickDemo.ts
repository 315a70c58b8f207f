import * as vscode from 'vscode';
import { presenterOrder } from '../../demos/presenterOrder';
import { DEMO_IDS, demoById, isDemoId, type DemoId } from '../../lesson/demos';
import type { DemoTarget } from './demoPanel';

/**
 * What `rnnLab.runDemo` was asked for: a demo id (from the sidebar's schedule, a keybinding or
 * another command), or — with no argument — the instructor's pick from a QuickPick whose first
 * entry steps through every demo in the plan's order. Undefined when the pick was dismissed.
 */
export async function demoTargetFor(arg: unknown): Promise<DemoTarget | undefined> {
  const requested = typeof arg === 'string' ? arg : idField(arg);
  if (requested !== undefined) {
    if (requested === 'all') return { demoId: presenterOrder()[0], presenterIndex: 0, settings: {} };
    if (!isDemoId(requested)) {
      void vscode.window.showErrorMessage(`RNN Lab: there is no demo "${requested}". Use one of: ${DEMO_IDS.join(', ')} (or "all" to step through them).`);
      return undefined;
    }
    return { demoId: requested, presenterIndex: null, settings: {} };
  }
  type Item = vscode.QuickPickItem & { demoId: DemoId | 'all' };
  const order = presenterOrder();
  const items: Item[] = [
    { label: '$(run-all) Step through all', description: `${order.length} demos in the plan's order`, detail: order.map((id) => demoById(id).title).join(' → '), demoId: 'all' },
    ...order.map((id): Item => ({ label: demoById(id).title, detail: demoById(id).lookFor, demoId: id })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'RNN Lab: Run Demo', placeHolder: 'Pick a demo to show the class', matchOnDetail: true,
    // Started while a demo panel has focus, the panel takes it back: that must not dismiss the pick.
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  return picked.demoId === 'all'
    ? { demoId: order[0], presenterIndex: 0, settings: {} }
    : { demoId: picked.demoId, presenterIndex: null, settings: {} };
}

/** Tree items and links sometimes pass `{ demo: id }` or `{ demoId: id }` instead of the id. */
function idField(arg: unknown): string | undefined {
  if (arg === null || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  const v = o.demoId ?? o.demo;
  return typeof v === 'string' ? v : undefined;
}

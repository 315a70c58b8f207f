import type { PanelState, WebviewToHost } from '../../src/protocol';

/** What VS Code gives a webview script (acquireVsCodeApi may be called only once). */
interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

/** Posts a typed message to the extension host. */
export function post(message: WebviewToHost): void {
  api.postMessage(message);
}

/** The state saved before the panel was hidden or the window reloaded (unvalidated). */
export function savedState(): unknown {
  return api.getState();
}

export function saveState(state: PanelState): void {
  api.setState(state);
}

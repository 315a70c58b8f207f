import type { HostToWebview, PanelState, WebviewToHost } from '../../src/protocol';
import { validateHostMessage } from './validate';

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

/**
 * Calls `handle` with every message the host posts, validated first: a message that does not fit
 * the protocol is reported back to the host (named by `who`, e.g. "plot") and never handled.
 */
export function onHostMessage(who: string, handle: (message: HostToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    let message: HostToWebview;
    try {
      message = validateHostMessage(event.data);
    } catch (e) {
      post({ type: 'webviewError', message: `The ${who} ignored a message from VS Code: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    handle(message);
  });
}

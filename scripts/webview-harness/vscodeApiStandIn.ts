// What a webview gets from VS Code as `acquireVsCodeApi()`, replaced by a recorder: posted messages
// are kept in order for the test to read, state lives in the page, and (like VS Code) the API can be
// acquired only once. The function is serialised into the page by addInitScript, so it must be
// self-contained.
export function installVsCodeApiStandIn(initialState: unknown): void {
  const w = window as unknown as Record<string, unknown>;
  const posted: unknown[] = [];
  let state = initialState;
  let acquired = false;
  w.__rnnLabPosted = posted;
  w.__rnnLabState = () => state;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      // A structured clone, as the real postMessage does: later mutation in the page must not show.
      postMessage: (message: unknown) => { posted.push(structuredClone(message)); },
      getState: () => state,
      setState: (next: unknown) => { state = structuredClone(next); return next; },
    });
  };
}

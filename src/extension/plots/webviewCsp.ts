/**
 * The Content Security Policy of every RNN Lab panel, as the <meta> tags of its <head>: scripts only
 * with the page's nonce; styles, fonts and images only from the extension (`cspSource`); no remote
 * content; a panel whose engine runs on WebAssembly kernels may also compile WebAssembly. No vscode import, so the webview tests load their pages under this very policy.
 *
 * The one inline style allowed carries the nonce: the toolkit's FAST library probes for
 * `:focus-visible` support by adding a `<style>` element, and tags it with the nonce it reads from
 * `<meta property="csp-nonce">`. Without that, every panel logs a CSP violation when it opens.
 */
export function cspMetaTags(cspSource: string, nonce: string, options: { readonly wasm?: boolean } = {}): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    // 'wasm-unsafe-eval' permits compiling WebAssembly and nothing else (no string eval).
    `script-src 'nonce-${nonce}'${options.wasm ? " 'wasm-unsafe-eval'" : ''}`,
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<meta property="csp-nonce" content="${nonce}">`;
}

/**
 * The panels whose engine runs on its WebAssembly kernels: the demo panel (its training demo steps
 * live). The plot gains too little from them to ask for 'wasm-unsafe-eval'.
 */
export function panelCompilesWasm(bundle: string): boolean {
  return bundle === 'demo';
}

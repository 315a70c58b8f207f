/**
 * The Content Security Policy of every RNN Lab panel, as the <meta> tags of its <head>: scripts only
 * with the page's nonce; styles, fonts and images only from the extension (`cspSource`); no remote
 * content. No vscode import, so the webview tests load their pages under this very policy.
 *
 * The one inline style allowed carries the nonce: the toolkit's FAST library probes for
 * `:focus-visible` support by adding a `<style>` element, and tags it with the nonce it reads from
 * `<meta property="csp-nonce">`. Without that, every panel logs a CSP violation when it opens.
 */
export function cspMetaTags(cspSource: string, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${csp}">\n<meta property="csp-nonce" content="${nonce}">`;
}

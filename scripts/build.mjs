// Bundles every part of RNN Lab with esbuild:
//   node --  the extension host entry (vscode external), the `rnn-lab` CLI, the checker's worker and compiler
//   browser  the webview app(s)
// `--production` minifies and drops source maps; `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Node bundles (CommonJS, the way VS Code loads extensions). */
const node = (entry, outfile, extra = {}) => ({
  ...common, entryPoints: [entry], outfile, platform: 'node', format: 'cjs', target: 'node20',
  external: ['vscode'], ...extra,
});

/** Browser bundles for webviews (one IIFE each, no module loader needed). */
const browser = (entry, outfile) => ({
  ...common, entryPoints: [entry], outfile, platform: 'browser', format: 'iife', target: 'es2022',
});

const builds = [
  node('src/extension/extension.ts', 'dist/extension.js'),
  node('src/cli.ts', 'dist/cli.js', { banner: { js: '#!/usr/bin/env node' } }),
  node('src/checker/worker/workerMain.ts', 'dist/checker-worker.js'),
  node('src/checker/worker/compilerMain.ts', 'dist/checker-compiler.js'),
  browser('webview/plot/main.ts', 'dist/webview/plot.js'),
  browser('webview/demo/main.ts', 'dist/webview/demo.js'),
  browser('webview/class/main.ts', 'dist/webview/class.js'),
];

// Every bundle is part of the product: a missing entry point is an error, never a smaller build.
const missing = builds.map((b) => b.entryPoints[0]).filter((entry) => !existsSync(entry));
if (missing.length > 0) {
  console.error(`build: missing entry point${missing.length > 1 ? 's' : ''}: ${missing.join(', ')} (listed in scripts/build.mjs)`);
  process.exit(1);
}

mkdirSync('dist', { recursive: true });
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log(`watching ${builds.length} bundles…`);
} else {
  const t0 = Date.now();
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`built ${builds.length} bundles in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}

// Bundles the TypeScript tests of one tier (unit | integration | webview | ui | start) into out/test/<tier>/,
// one CommonJS file per *.test.ts (plus the integration suite's index), so Node and mocha run them
// without a TypeScript loader. Type checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const tier = process.argv[2];
if (!['unit', 'integration', 'webview', 'ui', 'start'].includes(tier)) {
  console.error('usage: node scripts/build-tests.mjs unit|integration|webview|ui|start');
  process.exit(2);
}
const dir = join('test', tier);
const entries = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.test.ts') || (tier === 'integration' && f === 'index.ts'))
  .map((f) => join(dir, f));
rmSync(join('out', dir), { recursive: true, force: true });
await esbuild.build({
  entryPoints: entries,
  outdir: join('out', dir),
  outbase: dir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  // vscode is provided by the extension host; mocha and playwright are loaded as installed.
  external: ['vscode', 'mocha', 'playwright-core'],
  logLevel: 'warning',
});
console.log(`bundled ${entries.length} ${tier} test files`);

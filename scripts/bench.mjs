// `npm run bench` (after `npm run build`): bundles the benchmark (bench/*.ts) into out/bench/ and runs
// it from the repository root with the given arguments (see bench/main.ts, `--help`).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

await esbuild.build({
  entryPoints: { main: 'bench/main.ts', rssProbe: 'bench/rssProbe.ts' },
  outdir: 'out/bench',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  // playwright-core is loaded as installed (as the webview tests do).
  external: ['playwright-core', 'esbuild'],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['out/bench/main.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);

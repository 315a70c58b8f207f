// Type-checks every layer with its own tsconfig (its own `lib` and `types`), so the engine cannot
// see Node or DOM types and only the extension layer sees `vscode`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const layers = [
  'src/engine', 'src/demos', 'src/lesson', 'src/protocol', 'src/checker', 'src/extension', 'src',
  'webview', 'test/unit', 'test/integration', 'test/webview', 'test/ui', 'test/start', 'bench',
];
let failed = 0;
for (const dir of layers) {
  const config = `${dir}/tsconfig.json`;
  if (!existsSync(config)) continue;
  const hasSources = dir === 'src' || readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith('.ts'));
  if (!hasSources) continue;
  try {
    execFileSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
    console.log(`typecheck ${dir}: ok`);
  } catch {
    console.error(`typecheck ${dir}: FAILED`);
    failed++;
  }
}
process.exit(failed ? 1 : 0);

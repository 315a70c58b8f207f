// Type-checks every layer with its own tsconfig (its own `lib` and `types`), so the engine cannot
// see Node or DOM types and only the extension layer sees `vscode`: one `tsc -b` over the solution
// in the root tsconfig.json, whose `references` list every layer. A missing layer config is an
// error, never a skip. Prints one line per layer, ok or FAILED, after the compiler's own messages.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const root = process.cwd();
const layers = layersOf(readFileSync('tsconfig.json', 'utf8'));

const run = spawnSync(process.execPath, [tsc, '-b', '--verbose', '--pretty', 'false', 'tsconfig.json'], { encoding: 'utf8' });
const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;

// --verbose names the project before its messages; what comes before any project is the solution's.
const failed = new Set();
let current = 'tsconfig.json (the solution)';
for (const line of output.split('\n')) {
  const building = /Building project '(.+)'\.\.\./.exec(line);
  if (building) { current = layerOf(building[1]); continue; }
  if (/^\S.*error TS\d+:/.test(line) || /^error TS\d+:/.test(line)) {
    console.error(line);
    const missing = /TS5083: Cannot read file '(.+)'/.exec(line);
    failed.add(missing ? layerOf(missing[1]) : current);
  } else if (/^\s+\S/.test(line) && failed.has(current)) {
    console.error(line); // the continuation lines of a message
  }
}
for (const layer of layers) console.log(`typecheck ${layer}: ${failed.has(layer) ? 'FAILED' : 'ok'}`);
for (const other of failed) if (!layers.includes(other)) console.error(`typecheck ${other}: FAILED`);
process.exit(run.status === 0 && failed.size === 0 ? 0 : 1);

/** The folder of a project's tsconfig.json, relative to the repository: `src/engine`. */
function layerOf(config) {
  const dir = relative(root, dirname(resolve(root, config))).split('\\').join('/');
  return dir === '' ? 'tsconfig.json (the solution)' : dir;
}

/** The `references` of the solution, in order (the file is JSON with comments). */
function layersOf(text) {
  const json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ''));
  return (json.references ?? []).map((r) => r.path);
}

// `npm run bench`: every product target in one run — the engine (docs/engine-bench.md workloads), the checker
// (`rnn-lab check` as a user runs it) and the webviews (headless Chromium) — as one table of
// measured value, target and PASS/FAIL, with the machine it ran on. Bundled and started by
// scripts/bench.mjs after `npm run build`. Timings are wall-clock: run it on a quiet machine.
import * as path from 'node:path';
import { checkerBench } from './checkerBench';
import { engineBench } from './engineBench';
import { gradeBench } from './gradeBench';
import { describeMachine, machine } from './machine';
import { targetTable, type TargetRow } from './targets';
import { webviewBench } from './webviewBench';

const PARTS = ['engine', 'checker', 'grade', 'webview'] as const;
type Part = (typeof PARTS)[number];

const USAGE = [
  'usage: npm run bench -- [--json] [--json-out <file>] [--strict] [--only engine,checker,grade,webview]',
  '',
  '  --json             print only the results as JSON on stdout (progress goes to stderr)',
  '  --json-out <file>  also write the JSON results to <file>',
  '  --strict           exit 1 when a target is missed (default: exit 0, the table says FAIL)',
  '  --only <parts>     run only these parts (comma-separated)',
].join('\n');

interface Options { json: boolean; jsonOut: string | null; strict: boolean; parts: Part[] }

function parse(args: readonly string[]): Options {
  const o: Options = { json: false, jsonOut: null, strict: false, parts: [...PARTS] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') o.json = true;
    else if (a === '--strict') o.strict = true;
    else if (a === '--json-out' || a === '--only') {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      if (a === '--json-out') o.jsonOut = v;
      else {
        const parts = v.split(',').map((p) => p.trim());
        const bad = parts.filter((p) => !(PARTS as readonly string[]).includes(p));
        if (bad.length > 0) throw new Error(`--only: unknown part(s) ${bad.join(', ')}; the parts are ${PARTS.join(', ')}`);
        o.parts = parts as Part[];
      }
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else throw new Error(`unknown argument "${a}"`);
  }
  return o;
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const root = process.cwd();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const before = machine();
  log(`bench on ${describeMachine(before)}`);
  const rows: TargetRow[] = [];
  const errors: string[] = [];
  // The 1-minute load when each part starts: on a shared machine it says which figures to doubt.
  const partLoad: Record<string, number> = {};
  for (const part of options.parts) {
    partLoad[part] = machine().load[0];
    try {
      if (part === 'engine') rows.push(...engineBench(log));
      if (part === 'checker') rows.push(...(await checkerBench(root, path.join(__dirname, 'rssProbe.js'), log)));
      if (part === 'grade') rows.push(...(await gradeBench(root, log)));
      if (part === 'webview') rows.push(...(await webviewBench(log)));
    } catch (e) {
      // A part that cannot run is a failure of the run, reported with the other parts' results.
      errors.push(`${part}: ${e instanceof Error ? e.message : String(e)}`);
      log(`bench: the ${part} part could not run: ${errors[errors.length - 1]}`);
    }
  }
  const after = machine();
  const failed = rows.filter((r) => r.pass === false).length;
  const result = { machine: { ...after, loadBefore: before.load, partLoad }, rows, failed, errors };
  if (options.jsonOut) (await import('node:fs')).writeFileSync(options.jsonOut, `${JSON.stringify(result, null, 2)}\n`);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(`Machine: ${describeMachine(after)} (at the end)\n`);
    process.stdout.write(`1-minute load average as each part started: ${Object.entries(partLoad).map(([p, l]) => `${p} ${l.toFixed(2)}`).join(', ')}\n\n`);
    process.stdout.write(targetTable(rows));
    for (const e of errors) process.stdout.write(`\nNOT MEASURED — ${e}\n`);
    process.stdout.write(failed === 0 && errors.length === 0 ? '\nAll targets met.\n' : `\n${failed} target(s) missed, ${errors.length} part(s) not measured.\n`);
    // Judged at the parts' starts: the bench's own Chromium raises the load at the end.
    const busiest = Math.max(...Object.values(partLoad));
    if (busiest > after.cores * 1.5) process.stdout.write(`Note: the machine was busy (load up to ${busiest.toFixed(2)} on ${after.cores} cores as a part started); wall-clock figures are inflated: run it again when it is quiet.\n`);
  }
  return options.strict && (failed > 0 || errors.length > 0) ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e instanceof Error ? e.stack ?? e.message : String(e));
  process.exit(2);
});

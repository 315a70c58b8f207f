import { demoOutput, type DemoOutput } from '../demos/demoOutput';
import { TRAIN_DEFAULTS } from '../demos/trainDemo';
import { DEMO_IDS, isDemoId } from '../lesson/demos';
import { parseArgs, UsageError, type CliCommand, type CliIo } from './command';

const HELP = `usage: rnn-lab demo <name> [--json] [--steps N]

Prints the series an instructor demo plots (seeded: the same numbers every time).
  <name>     one of: ${DEMO_IDS.join(', ')}
  --json     one JSON object: { demo, title, lookFor, settings, series: [{ id, label, x, y }], notes }
             (ids are stable; time steps are t = 1..T; NaN and Infinity are printed as null)
  --steps    training steps of the train demo (default ${TRAIN_DEFAULTS.steps})
`;

function positiveInt(name: string, value: string | true | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 1) throw new UsageError(`rnn-lab demo: --${name} must be a positive integer, got ${String(value)}`);
  return n;
}

function printHuman(o: DemoOutput, io: CliIo): void {
  io.out(`${o.title}\nLook for: ${o.lookFor}\nSettings: ${JSON.stringify(o.settings)}\n`);
  for (const [k, v] of Object.entries(o.notes)) {
    io.out(`${k}: ${typeof v === 'number' ? Number(v.toPrecision(6)) : typeof v === 'string' ? v : JSON.stringify(v)}\n`);
  }
  const xs = [...new Set(o.series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const lookup = o.series.map((s) => new Map(s.x.map((x, i) => [x, s.y[i]])));
  io.out(['x', ...o.series.map((s) => s.id)].join('\t') + '\n');
  for (const x of xs) io.out([String(x), ...lookup.map((m) => { const y = m.get(x); return y === undefined ? '' : y.toPrecision(6); })].join('\t') + '\n');
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: `print the series an instructor demo plots (${DEMO_IDS.join(', ')})`,
  help: HELP,
  async run(args, io, engine) {
    const { flags, positionals } = parseArgs('demo', args, { json: 'boolean', steps: 'value' });
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError(`rnn-lab demo: which demo? One of: ${DEMO_IDS.join(', ')} (see rnn-lab demo --help)`);
    if (extra.length > 0) throw new UsageError(`rnn-lab demo: one demo at a time, got also ${extra.join(' ')}`);
    if (!isDemoId(name)) throw new UsageError(`rnn-lab demo: unknown demo "${name}". One of: ${DEMO_IDS.join(', ')}`);
    if (name !== 'train' && flags.steps !== undefined) throw new UsageError(`rnn-lab demo ${name}: --steps applies to the train demo only`);
    const output = demoOutput(engine, name, { steps: positiveInt('steps', flags.steps) });
    // JSON.stringify prints NaN and ±Infinity as null, as the format says.
    if (flags.json) io.out(JSON.stringify(output) + '\n');
    else printHuman(output, io);
    return 0;
  },
};

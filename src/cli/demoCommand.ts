import { clippingDemo, CLIPPING_DEFAULTS } from '../demos/clippingDemo';
import { gradientNormsDemo, GRADIENT_NORMS_DEFAULTS } from '../demos/gradientNorms';
import { PREDICT_ANSWER, PREDICT_DEFAULTS, PREDICT_QUESTION, predictThenRunDemo } from '../demos/predictThenRun';
import type { Series } from '../demos/series';
import { ADDING_LENGTHS, ECHO_DELAYS, TRAIN_DEFAULTS, trainDemo, type TrainConfig } from '../demos/trainDemo';
import { DEMO_IDS, demoById, isDemoId, type DemoId } from '../lesson/demos';
import { parseArgs, UsageError, type CliCommand, type CliIo } from './command';

/** What `rnn-lab demo <name> --json` prints: the series the demo's panel plots, and its settings. */
export interface DemoOutput {
  readonly demo: DemoId;
  readonly title: string;
  readonly lookFor: string;
  readonly settings: Record<string, unknown>;
  readonly series: Series[];
  readonly notes: Record<string, unknown>;
}

const HELP = `usage: rnn-lab demo <name> [--json] [--task echo|adding] [--delay K] [--length T] [--steps N]

Prints the series an instructor demo plots (seeded: the same numbers every time).
  <name>     one of: ${DEMO_IDS.join(', ')}
  --json     one JSON object: { demo, title, lookFor, settings, series: [{ label, x, y }], notes }
             (NaN is printed as null)
Only for "train":
  --task     echo (default) or adding
  --delay    echo delay k: ${ECHO_DELAYS.join(', ')} (default ${TRAIN_DEFAULTS.task.task === 'echo' ? TRAIN_DEFAULTS.task.delay : 2})
  --length   adding-problem length T, e.g. ${ADDING_LENGTHS.join(', ')} (default 10)
  --steps    training steps (default 300)
`;

function positiveInt(name: string, value: string | true | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value === true || !Number.isInteger(n) || n < 1) throw new UsageError(`rnn-lab demo: --${name} must be a positive integer, got ${String(value)}`);
  return n;
}

export function runDemo(name: DemoId, flags: Record<string, string | true>): DemoOutput {
  const { title, lookFor } = demoById(name);
  switch (name) {
    case 'train': {
      const task = flags.task ?? 'echo';
      if (task !== 'echo' && task !== 'adding') throw new UsageError(`rnn-lab demo train: --task must be echo or adding, got ${String(task)}`);
      const steps = positiveInt('steps', flags.steps, 300);
      const config: TrainConfig = {
        ...TRAIN_DEFAULTS,
        task: task === 'echo' ? { task, delay: positiveInt('delay', flags.delay, 2) } : { task, length: positiveInt('length', flags.length, 10) },
      };
      if (config.task.task === 'adding' && config.task.length < 2) throw new UsageError('rnn-lab demo train: --length must be at least 2');
      const run = trainDemo(config, steps);
      const x = run.points.map((p) => p.step);
      return {
        demo: name, title, lookFor, settings: { ...config, steps },
        series: [{ label: 'loss', x, y: run.points.map((p) => p.loss) }, { label: 'accuracy', x, y: run.points.map((p) => p.accuracy) }],
        notes: { task: run.taskName, finalAccuracy: run.points.at(-1)?.accuracy ?? null },
      };
    }
    case 'gradientNorms': {
      const r = gradientNormsDemo(GRADIENT_NORMS_DEFAULTS);
      return {
        demo: name, title, lookFor, settings: { ...r.options },
        series: [...r.tanh.map((s) => ({ ...s, label: `tanh ${s.label}` })), ...r.linear.map((s) => ({ ...s, label: `linear ${s.label}` }))],
        notes: { y: '‖∂L/∂h_t‖, loss at the last step' },
      };
    }
    case 'predictThenRun':
      return {
        demo: name, title, lookFor, settings: { ...PREDICT_DEFAULTS },
        series: [predictThenRunDemo(PREDICT_DEFAULTS)],
        notes: { question: PREDICT_QUESTION, answer: PREDICT_ANSWER, x: 'sequence length T' },
      };
    case 'clipping': {
      const r = clippingDemo(CLIPPING_DEFAULTS);
      return {
        demo: name, title, lookFor, settings: { ...r.options },
        series: [
          { ...r.unclipped.loss, label: 'loss without clipping' }, { ...r.clipped.loss, label: 'loss with clipping' },
          { ...r.unclipped.gradNorm, label: 'grad norm without clipping' }, { ...r.clipped.gradNorm, label: 'grad norm with clipping (before clip)' },
        ],
        notes: { fractionClipped: r.fractionClipped, firstNonFiniteStepWithoutClipping: r.unclipped.firstNonFiniteStep },
      };
    }
  }
}

function printHuman(o: DemoOutput, io: CliIo): void {
  io.out(`${o.title}\nLook for: ${o.lookFor}\nSettings: ${JSON.stringify(o.settings)}\n`);
  for (const [k, v] of Object.entries(o.notes)) io.out(`${k}: ${typeof v === 'number' ? Number(v.toPrecision(6)) : String(v)}\n`);
  const xs = [...new Set(o.series.flatMap((s) => s.x))].sort((a, b) => a - b);
  const lookup = o.series.map((s) => new Map(s.x.map((x, i) => [x, s.y[i]])));
  io.out(['x', ...o.series.map((s) => s.label)].join('\t') + '\n');
  for (const x of xs) io.out([String(x), ...lookup.map((m) => { const y = m.get(x); return y === undefined ? '' : y.toPrecision(6); })].join('\t') + '\n');
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'print the series an instructor demo plots (train, gradientNorms, predictThenRun, clipping)',
  help: HELP,
  async run(args, io) {
    const { flags, positionals } = parseArgs('demo', args, { json: 'boolean', task: 'value', delay: 'value', length: 'value', steps: 'value' });
    const [name, ...extra] = positionals;
    if (name === undefined) throw new UsageError(`rnn-lab demo: which demo? One of: ${DEMO_IDS.join(', ')} (see rnn-lab demo --help)`);
    if (extra.length > 0) throw new UsageError(`rnn-lab demo: one demo at a time, got also ${extra.join(' ')}`);
    if (!isDemoId(name)) throw new UsageError(`rnn-lab demo: unknown demo "${name}". One of: ${DEMO_IDS.join(', ')}`);
    if (name !== 'train' && (flags.task || flags.delay || flags.length || flags.steps)) {
      throw new UsageError(`rnn-lab demo ${name}: --task, --delay, --length and --steps apply to the train demo only`);
    }
    const output = runDemo(name, flags);
    if (flags.json) io.out(JSON.stringify(output) + '\n');
    else printHuman(output, io);
    return 0;
  },
};

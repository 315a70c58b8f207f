import { readFileSync } from 'node:fs';
import { EngineInputError } from '../engine';
import { UsageError, parseArgs, type CliCommand } from './command';
import { readEngineCase, runEngineCase } from './engineCase';
import { isGatedCase, readGatedEngineCase, runGatedEngineCase } from './gatedEngineCase';
import { jsonErrorLocation } from './jsonError';

/** `rnn-lab engine <case.json>`: runs one engine case and prints the results as JSON (the keys of its `expected`). */
export const engineCommand: CliCommand = {
  name: 'engine',
  summary: 'run one engine case file and print loss, hidden-gradient norms, gradients (and training) as JSON',
  help: [
    'usage: rnn-lab engine <case.json>',
    '',
    'Reads one case in the format of docs/engine-cases.md (params, xs, loss, targets and',
    'optionally train; expected and tolerance are ignored), runs forward + full BPTT and, when the',
    'case has "train", the SGD run. Prints one JSON object with loss, hiddenGradNorms, grads,',
    'gradNorm (+ trainLosses, trainGradNorms, finalLoss, finalParams), numbers at full float64 precision.',
    'A case with "cell": "lstm" or "gru" runs that gated cell (params Wx, Wh, b, Why, by, h0, and c0 for',
    'the LSTM) and prints cellGradNorms (the total dL/dc_t) too for the LSTM.',
    '',
    'Exit status: 0 ok; 2 bad arguments or an invalid case (the message names the field and shapes).',
  ].join('\n'),
  async run(args, io, engine) {
    const { positionals } = parseArgs('engine', args, {});
    if (positionals.length !== 1) {
      throw new UsageError(`rnn-lab engine: expected exactly one case file, got ${positionals.length} arguments (usage: rnn-lab engine <case.json>)`);
    }
    const file = positionals[0];
    const value = readJsonFile(file);
    let output;
    try {
      output = isGatedCase(value) ? runGatedEngineCase(readGatedEngineCase(value)) : runEngineCase(engine, readEngineCase(value));
    } catch (e) {
      if (e instanceof EngineInputError) throw new UsageError(`rnn-lab engine: ${file}: invalid case: ${e.message}`);
      throw e;
    }
    io.out(`${JSON.stringify(output)}\n`);
    return 0;
  },
};

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a case file' : (e as Error).message;
    throw new UsageError(`rnn-lab engine: cannot read ${file}: ${why}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const { line, column } = jsonErrorLocation(text);
    throw new UsageError(`rnn-lab engine: ${file}:${line}:${column}: not valid JSON (${shorten((e as Error).message)})`);
  }
}

/** JSON.parse may quote the whole file in its message: keep the first line, at most 100 characters. */
function shorten(message: string): string {
  const first = message.split('\n')[0];
  return first.length > 100 ? `${first.slice(0, 100)}…` : first;
}

import type { Engine } from '../engine';

/**
 * One `rnn-lab` subcommand. `run` returns the exit status: 0 success, 1 "ran, but not all good"
 * (e.g. a failing lab), 2 bad arguments or a bad input file (throw UsageError for those).
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `rnn-lab --help`. */
  readonly summary: string;
  /** The full text of `rnn-lab <name> --help`, starting with the usage line. */
  readonly help: string;
  /** `engine`: the one the command line created (its WebAssembly kernels), for the commands that compute. */
  run(args: readonly string[], io: CliIo, engine: Engine): Promise<number>;
}

/** Where a command writes, so tests can capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** Bad arguments or a bad input file: reported on stderr without a stack trace, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Splits `args` into flags (`--name` or `--name value`) and positionals; unknown flags are a UsageError. */
export function parseArgs(
  command: string, args: readonly string[], spec: Readonly<Record<string, 'boolean' | 'value'>>,
): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) { positionals.push(a); continue; }
    const [name, inline] = a.slice(2).split('=', 2);
    const kind = spec[name];
    if (!kind) throw new UsageError(`rnn-lab ${command}: unknown option --${name} (see rnn-lab ${command} --help)`);
    if (kind === 'boolean') { flags[name] = true; continue; }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`rnn-lab ${command}: --${name} needs a value`);
    flags[name] = value;
  }
  return { flags, positionals };
}

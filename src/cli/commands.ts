import type { CliCommand } from './command';

/** Every `rnn-lab` subcommand, in the order `rnn-lab --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [];

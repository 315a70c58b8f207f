import type { CliCommand } from './command';
import { benchCommand } from './benchCommand';
import { checkCommand } from './checkCommand';
import { demoCommand } from './demoCommand';
import { engineCommand } from './engineCommand';
import { gradeCommand } from './gradeCommand';
import { scaffoldCommand } from './scaffoldCommand';

/** Every `rnn-lab` subcommand, in the order `rnn-lab --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [
  engineCommand,
  benchCommand,
  scaffoldCommand,
  checkCommand,
  gradeCommand,
  demoCommand,
];

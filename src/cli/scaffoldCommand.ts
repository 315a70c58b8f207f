import { scaffoldLab } from '../checker/scaffold';
import { UsageError, parseArgs, type CliCommand } from './command';

/** `rnn-lab scaffold <dir>` (contracts §3): writes the lab, never overwriting a file. */
export const scaffoldCommand: CliCommand = {
  name: 'scaffold',
  summary: 'write the lab files (rnn.ts, README.md, tsconfig.json) into <dir>; existing files are kept',
  help: [
    'usage: rnn-lab scaffold <dir>',
    '',
    'Writes the lab into <dir> (created if needed): rnn.ts with the five tasks as TODO stubs,',
    'README.md with the tasks and the maths, and tsconfig.json so the editor type-checks rnn.ts.',
    'A file that already exists is never overwritten: it is listed as kept.',
  ].join('\n'),
  async run(args, io) {
    const { positionals } = parseArgs('scaffold', args, {});
    if (positionals.length !== 1) throw new UsageError('usage: rnn-lab scaffold <dir>');
    const result = scaffoldLab(positionals[0]);
    for (const f of result.written) io.out(`wrote ${f}\n`);
    for (const f of result.kept) io.out(`kept  ${f} (already exists, not overwritten)\n`);
    io.out(`Next: implement the tasks in ${positionals[0]}/rnn.ts, then run: rnn-lab check ${positionals[0]}\n`);
    return 0;
  },
};

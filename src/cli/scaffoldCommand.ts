import { classroomTemplateDir, scaffoldLab } from '../checker/host/scaffold';
import { UsageError, parseArgs, type CliCommand } from './command';

/** `rnn-lab scaffold <dir>`: writes the lab, never overwriting a file. */
export const scaffoldCommand: CliCommand = {
  name: 'scaffold',
  summary: 'write the lab files (rnn.ts, README.md, tsconfig.json) into <dir>; existing files are kept',
  help: [
    'usage: rnn-lab scaffold <dir> [--classroom]',
    '',
    'Writes the lab into <dir> (created if needed): rnn.ts with the five tasks as TODO stubs,',
    'README.md with the tasks and the maths, and tsconfig.json so the editor type-checks rnn.ts.',
    'A file that already exists is never overwritten: it is listed as kept.',
    '',
    '  --classroom  also write a GitHub Classroom template: .github/workflows/rnn-lab.yml (checks',
    '               each push with rnn-lab check --json on the student\'s own runner),',
    '               .github/classroom/autograding.json (one test per task, with points) and',
    '               .github/classroom/INSTRUCTOR.md (how to create the assignment, what students see)',
  ].join('\n'),
  async run(args, io) {
    const { flags, positionals } = parseArgs('scaffold', args, { classroom: 'boolean' });
    if (positionals.length !== 1) throw new UsageError('usage: rnn-lab scaffold <dir> [--classroom]');
    const results = [scaffoldLab(positionals[0])];
    if (flags.classroom) results.push(scaffoldLab(positionals[0], { templateDir: classroomTemplateDir() }));
    for (const f of results.flatMap((r) => r.written)) io.out(`wrote ${f}\n`);
    for (const f of results.flatMap((r) => r.kept)) io.out(`kept  ${f} (already exists, not overwritten)\n`);
    if (flags.classroom) io.out(`For GitHub Classroom: put the packed rnn-lab CLI at ${positionals[0]}/.github/rnn-lab.tgz (see .github/classroom/INSTRUCTOR.md).\n`);
    io.out(`Next: implement the tasks in ${positionals[0]}/rnn.ts, then run: rnn-lab check ${positionals[0]}\n`);
    return 0;
  },
};

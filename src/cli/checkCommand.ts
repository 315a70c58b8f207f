import { writeFileSync } from 'node:fs';
import { CheckCancelledError, DEFAULT_TIMEOUT_MS, LabNotFoundError, checkLab } from '../checker/host/checkLab';
import { formatJunit, formatText } from '../checker/host/formatReport';
import { UsageError, parseArgs, type CliCommand } from './command';

/** `rnn-lab check <labDir> [--json] [--timeout-ms N] [--junit file]`; its JSON report has the shape of `CheckReport` in src/checker/report.ts. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'check the five lab functions in <labDir>/rnn.ts against the engine',
  help: [
    'usage: rnn-lab check <labDir> [--json] [--timeout-ms N] [--junit <file>] [--timings]',
    '',
    'Compiles <labDir>/rnn.ts (and the lab files it imports), runs each task in a separate worker',
    'with a time budget, and compares it with the engine on edge cases and seeded random problems.',
    '',
    '  --json          print exactly one JSON object: { lab, tasks: [{ id, status, message, hint, location }], passed, total }',
    `  --timeout-ms N  wall-clock budget per task in milliseconds (default ${DEFAULT_TIMEOUT_MS})`,
    '  --junit <file>  also write a JUnit XML report for CI systems',
    '  --timings       print how long compiling, each task and the whole check took (on stderr)',
    '',
    'Exit status: 0 every task passes, 1 some task does not, 2 missing lab folder or rnn.ts, or bad arguments.',
  ].join('\n'),
  async run(args, io) {
    const { flags, positionals } = parseArgs('check', args, { json: 'boolean', 'timeout-ms': 'value', junit: 'value', timings: 'boolean' });
    if (positionals.length !== 1) throw new UsageError('usage: rnn-lab check <labDir> [--json] [--timeout-ms N] [--junit <file>] [--timings]');
    const labDir = positionals[0];
    let timeoutMs = DEFAULT_TIMEOUT_MS;
    if (flags['timeout-ms'] !== undefined) {
      timeoutMs = Number(flags['timeout-ms']);
      if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new UsageError(`rnn-lab check: --timeout-ms must be a positive whole number of milliseconds, got "${String(flags['timeout-ms'])}"`);
    }
    const t0 = performance.now();
    let result;
    try {
      result = await checkLab(labDir, { timeoutMs, labName: labDir });
    } catch (e) {
      if (e instanceof LabNotFoundError || e instanceof CheckCancelledError) throw new UsageError(`rnn-lab check: ${e.message}`);
      throw e;
    }
    const { report, timings } = result;
    if (flags.timings) {
      const tasks = Object.entries(timings.taskMs).map(([id, ms]) => `${id} ${Math.round(ms ?? 0)}`).join(', ');
      io.err(`timings (ms): compile ${timings.compileMs.toFixed(1)}; tasks ${tasks}; check ${Math.round(timings.totalMs)}; wall ${Math.round(performance.now() - t0)}\n`);
    }
    if (typeof flags.junit === 'string') writeFileSync(flags.junit, formatJunit(report, (performance.now() - t0) / 1000));
    io.out(flags.json ? `${JSON.stringify(report)}\n` : formatText(report));
    return report.passed === report.total ? 0 : 1;
  },
};

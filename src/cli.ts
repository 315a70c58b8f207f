import { COMMANDS } from './cli/commands';
import { UsageError, type CliIo } from './cli/command';
import { createEngine } from './engine';

/** The `rnn-lab` command line: the same engine and checker as the extension, from a terminal. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  // Node compiles WebAssembly: the engine's SIMD kernels serve demo, engine and bench (the checker's
  // oracle keeps its own TypeScript engine, src/checker/oracle/reference.ts). Built on first use.
  const engine = createEngine({ kernels: 'wasm', log: (message) => io.err(`${message}\n`) });
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`rnn-lab: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}. See rnn-lab --help.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io, engine);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['usage: rnn-lab <command> [options]', '', 'Commands:', ...lines, '', 'rnn-lab <command> --help shows the options of one command.', ''].join('\n');
}

if (require.main === module) {
  // A reader that stops early (`rnn-lab demo horizon | head`) closes the pipe: that ends the output, quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      io.err(`rnn-lab: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

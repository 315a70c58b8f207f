import { parentPort } from 'node:worker_threads';
import { TASK_ARGUMENTS } from './labApi';
import { compileLab } from './compile';
import { captureConsole } from './consoleCapture';
import { describeThrown, exportShapes, loadLab } from './loadLab';
import { firstChange, toPlain } from './plain';
import type { CallOutcome, CompiledLab, FromWorker, ToWorker } from './protocol';

/**
 * The checker's worker thread: the only place the student's code runs. It compiles the lab, loads
 * it, and calls one task's function on the inputs it is sent, reporting plain records. The parent
 * enforces the time budget (it terminates this thread) and the memory limit (resourceLimits).
 */
const port = parentPort;
if (!port) throw new Error('checker-worker.js must run as a worker thread');
const printed = captureConsole();
let lab: CompiledLab | null = null;
let exported: Record<string, unknown> = {};

// A promise the student left rejected must not take the thread down between tasks.
process.on('unhandledRejection', () => undefined);

const reply = (message: FromWorker): void => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  try {
    handle(message);
  } catch (e) {
    reply({ kind: 'workerFault', message: e instanceof Error ? e.message : String(e) });
  }
});
reply({ kind: 'ready' });

function handle(message: ToWorker): void {
  switch (message.kind) {
    case 'compile': {
      const result = compileLab(message.labDir);
      reply(result.ok ? { kind: 'compiled', lab: result.lab } : { kind: 'compileFailed', problems: result.problems, compileMs: result.compileMs });
      return;
    }
    case 'load': {
      lab = message.lab;
      try {
        exported = loadLab(lab);
      } catch (e) {
        reply({ kind: 'loadFailed', error: describeThrown(e, lab) });
        return;
      }
      reply({ kind: 'loaded', exports: exportShapes(exported) });
      return;
    }
    case 'run': {
      const fn = exported[message.task];
      if (typeof fn !== 'function') throw new Error(`${message.task} is not a loaded function`);
      const names = TASK_ARGUMENTS[message.task];
      const outcomes: CallOutcome[] = [];
      for (const args of message.calls) {
        const outcome = call(fn as (...a: unknown[]) => unknown, args, names);
        outcomes.push(outcome);
        if (outcome.kind === 'threw') break;
      }
      reply({ kind: 'ran', outcomes, printedBytes: printed.bytes() });
      return;
    }
    default: {
      const unknownMessage: never = message;
      throw new Error(`unknown message ${JSON.stringify(unknownMessage)}`);
    }
  }
}

/** One call on private copies of the inputs; afterwards, did the function change them? */
function call(fn: (...a: unknown[]) => unknown, args: readonly unknown[], names: readonly string[]): CallOutcome {
  const mine = structuredClone(args) as unknown[];
  const t0 = performance.now();
  let result: unknown;
  try {
    result = fn(...mine);
  } catch (e) {
    return { kind: 'threw', error: describeThrown(e, lab), ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
    // An async function: its rejection (if any) must not surface as an unhandled one.
    try { (result as Promise<unknown>).then(undefined, () => undefined); } catch { /* a strange thenable */ }
  }
  let value: unknown;
  try {
    value = toPlain(result);
  } catch (e) {
    return { kind: 'threw', error: describeThrown(e, lab), ms };
  }
  let mutation: string | null = null;
  try {
    for (let i = 0; i < args.length && mutation === null; i++) mutation = firstChange(names[i] ?? `argument ${i + 1}`, args[i], toPlain(mine[i]));
  } catch {
    mutation = 'an argument was replaced by something that cannot be read back';
  }
  return { kind: 'returned', value, mutation, ms };
}

import { createRequire } from 'node:module';
import { TASK_ARGUMENTS } from '../labApi';
import { captureConsole } from './consoleCapture';
import { describeThrown, exportShapes, loadLab } from './loadLab';
import { firstChange, toPlain } from '../plain';
import { REFUSED_ACCESS, type CallOutcome, type CompiledLab, type FromWorker, type ToWorker } from '../workerIpc';
import { fastenSeatBelt, refuse, refusalMessage, refusalOf, takeRefusals } from './seatBelt';

/**
 * The checker's child process: the only place the student's code runs. It loads the compiled lab
 * (compilerMain.ts compiled it) and calls one task's function on the inputs it is sent, reporting plain records over the IPC
 * channel. The parent starts it under Node's permission model (read access to the lab folder and
 * this file only), enforces the time budget (it kills this process) and the memory limit.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('checker-worker.js must be started by the checker (with an IPC channel)');
const printed = captureConsole();
// The IPC channel is the checker's, not the lab's: take it out of the student's reach.
for (const key of ['send', 'disconnect']) Object.defineProperty(process, key, { value: undefined, configurable: false });
const builtin = fastenSeatBelt(createRequire(__filename));
let lab: CompiledLab | null = null;
let exported: Record<string, unknown> = {};

// A promise the student left rejected must not take the process down between tasks; a refused
// access inside it (an import() built from a string) still counts.
process.on('unhandledRejection', (reason) => {
  const refusal = refusalOf(reason);
  if (refusal) refuse(refusal.what, refusal.why);
});

const reply = (message: FromWorker): void => { send(message); };

// The checker ended (or crashed): so does this process, whatever the lab left running.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToWorker) => {
  handle(message).catch((e: unknown) => reply({ kind: 'workerFault', message: e instanceof Error ? e.message : String(e) }));
});
reply({ kind: 'ready' });

/** Lets promise callbacks the student's code queued run, so what they try is refused before the reply. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function handle(message: ToWorker): Promise<void> {
  switch (message.kind) {
    case 'compile':
      throw new Error('the worker does not compile (checker-compiler.js does)');
    case 'load': {
      lab = message.lab;
      let error = null;
      try {
        exported = loadLab(lab, builtin);
      } catch (e) {
        error = describeThrown(e, lab);
      }
      await settle();
      const refused = takeRefusals()[0];
      if (refused) error = { name: REFUSED_ACCESS, message: refusalMessage(refused), todo: false, location: error?.location ?? null };
      reply(error ? { kind: 'loadFailed', error } : { kind: 'loaded', exports: exportShapes(exported) });
      return;
    }
    case 'run': {
      const fn = exported[message.task];
      if (typeof fn !== 'function') throw new Error(`${message.task} is not a loaded function`);
      const names = TASK_ARGUMENTS[message.task];
      for (const args of message.calls) {
        let outcome = call(fn as (...a: unknown[]) => unknown, args, names);
        // A refused access belongs to the call that tried it, also when a promise of that call tried it.
        await settle();
        const refused = takeRefusals()[0];
        if (refused) {
          const location = outcome.kind === 'threw' ? outcome.error.location : null;
          outcome = { kind: 'threw', error: { name: REFUSED_ACCESS, message: refusalMessage(refused), todo: false, location }, ms: outcome.ms };
        }
        // Each outcome as soon as it is known: if a later call hangs, the checker still has this one.
        reply({ kind: 'called', outcome });
        if (outcome.kind === 'threw') break;
      }
      reply({ kind: 'ran', printedBytes: printed.bytes() });
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

import { compileLab } from './compile';
import type { FromWorker, ToWorker } from '../workerIpc';

/**
 * The checker's compiler process: TypeScript turns the student's files into CommonJS here, apart
 * from the worker that runs them, so the 10 MB compiler is loaded once per check (or once per
 * grading job, for a whole class) instead of once per fresh worker. No student code runs here; the
 * parent still starts it under the permission model, with read access to the labs only.
 */
const send = process.send?.bind(process);
if (!send) throw new Error('checker-compiler.js must be started by the checker (with an IPC channel)');
const reply = (message: FromWorker): void => { send(message); };

// The checker ended (or crashed): so does this process, whatever the lab left running.
process.on('disconnect', () => process.exit(0));
process.on('message', (message: ToWorker) => {
  try {
    if (message.kind !== 'compile') throw new Error(`the compiler only compiles; it was sent "${message.kind}"`);
    const result = compileLab(message.labDir);
    reply(result.ok ? { kind: 'compiled', lab: result.lab } : { kind: 'compileFailed', problems: result.problems, compileMs: result.compileMs });
  } catch (e) {
    reply({ kind: 'workerFault', message: e instanceof Error ? e.message : String(e) });
  }
});
reply({ kind: 'ready' });

import { spawn } from 'node:child_process';

/**
 * How the checker starts the child process that runs student code: a real Node (in VS Code on the
 * desktop, `process.execPath` is Electron, which behaves as Node only with ELECTRON_RUN_AS_NODE),
 * and the flag that turns on Node's permission model: `--permission` from Node 22.13 and 23.5,
 * `--experimental-permission` before (Node 24 refuses the old name). Which one the runtime takes
 * is found by starting a tiny probe once; a runtime that takes neither is reported, not hidden.
 */
export interface ChildRuntime {
  readonly execPath: string;
  /** The child's whole environment: nothing of the parent's (no tokens, no NODE_OPTIONS). */
  readonly env: Readonly<Record<string, string>>;
  /** Null when the runtime refused both flags: the child then has only the seat belt's own guards. */
  readonly permissionFlag: '--permission' | '--experimental-permission' | null;
}

const FLAGS = ['--permission', '--experimental-permission'] as const;
/** The probe passes only when the flag is accepted AND writing is actually refused. */
const PROBE = "process.exit(process.permission && !process.permission.has('fs.write') ? 0 : 3)";
const PROBE_BUDGET_MS = 15_000;

let detected: Promise<ChildRuntime> | null = null;

/** The runtime of this process, probed once and remembered. */
export function childRuntime(): Promise<ChildRuntime> {
  detected ??= detect(process.execPath, process.versions.electron !== undefined);
  return detected;
}

export async function detect(execPath: string, electron: boolean): Promise<ChildRuntime> {
  const env: Record<string, string> = electron ? { ELECTRON_RUN_AS_NODE: '1' } : {};
  for (const flag of FLAGS) {
    if (await accepts(execPath, env, flag)) return { execPath, env, permissionFlag: flag };
  }
  return { execPath, env, permissionFlag: null };
}

function accepts(execPath: string, env: Record<string, string>, flag: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(execPath, [flag, '--no-warnings', '-e', PROBE], { env, stdio: 'ignore' });
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(false); }, PROBE_BUDGET_MS);
    child.on('error', () => { clearTimeout(timer); resolve(false); });
    child.on('exit', (code) => { clearTimeout(timer); resolve(code === 0); });
  });
}

/** The command-line flags of one child: the permission model limited to the lab folder and the worker's bundle. */
export function childFlags(runtime: ChildRuntime, labDir: string, workerPath: string, memoryLimitMb: number): string[] {
  const permission = runtime.permissionFlag ? [runtime.permissionFlag, `--allow-fs-read=${labDir}`, `--allow-fs-read=${workerPath}`] : [];
  return [...permission, `--max-old-space-size=${memoryLimitMb}`, '--no-warnings'];
}

/** For people (README, VS Code): what the seat belt covers on this runtime. */
export function seatBeltSummary(runtime: ChildRuntime): string {
  return runtime.permissionFlag
    ? `Student code runs in a child process under Node's permission model (${runtime.permissionFlag}): it can read only its lab folder, and cannot write files, start processes or workers, or load native code; the network, process.kill and the module loader are refused by the checker's own guards.`
    : `This runtime (${runtime.execPath}) does not accept Node's permission model flags, so student code runs in a child process with only the checker's own guards (no network, processes or module loader through Node's modules): file writes and reads outside the lab folder are NOT blocked. Check only code you trust here, or use the rnn-lab CLI with Node 20 or later.`;
}

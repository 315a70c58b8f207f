import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Runs a command inside an operating-system sandbox on Linux with bubblewrap (`bwrap`), without
 * administrator rights: new user, PID, network, mount, IPC, UTS (and cgroup) namespaces; a root that
 * holds only /usr and the /lib* links (read-only), the runtime's own folder (read-only), the lab
 * folder at /lab (read-only, the working folder), a private /tmp, the sandbox's own /proc, and
 * /dev/null and /dev/urandom. The network namespace has only its own loopback (the host's
 * 127.0.0.1 is not reachable), the environment is empty (bwrap sets only PWD=/lab), `--new-session` and `--die-with-parent`
 * are set, and no further user namespace can be made inside. Started as root, it first drops to
 * uid/gid 65534 with setpriv, so the sandbox is unprivileged on the host too (the lab folder must
 * then be readable by that user).
 *
 * Chosen over `unshare` + mount commands: one exec instead of a shell, mounts and a second
 * unshare, so fewer moving parts, and it measured faster to start (README in this folder).
 */

export const SANDBOX_LAB_DIR = '/lab';
const NOBODY = 65534;

export type SandboxAvailability =
  | { readonly available: true; readonly bwrap: string; readonly dropsRootWith: string | null }
  | { readonly available: false; readonly reason: string };

/** Where bwrap (and, as root, setpriv) are; it does not prove they work: `probeSandbox` does. */
export function findSandbox(): SandboxAvailability {
  if (process.platform !== 'linux') {
    return { available: false, reason: `no operating-system sandbox without administrator rights is available on ${process.platform} (RNN Lab uses Linux namespaces through bubblewrap)` };
  }
  const bwrap = onPath('bwrap');
  if (!bwrap) return { available: false, reason: 'bubblewrap (bwrap) is not installed: install it (Debian/Ubuntu: sudo apt-get install bubblewrap) and try again' };
  if (process.geteuid?.() !== 0) return { available: true, bwrap, dropsRootWith: null };
  const setpriv = onPath('setpriv');
  if (!setpriv) return { available: false, reason: 'running as root, and setpriv (util-linux) is not available to drop to an unprivileged user before sandboxing' };
  return { available: true, bwrap, dropsRootWith: setpriv };
}

export interface SandboxSpec {
  /** The runtime binary (absolute path), e.g. process.execPath. Its folder is mounted read-only. */
  readonly command: string;
  readonly args: readonly string[];
  /** Mounted read-only at /lab, the working folder. */
  readonly labDir: string;
  /** More read-only folders, at the same path inside (e.g. the worker's bundle). */
  readonly readOnly?: readonly string[];
}

/** The argv that runs `spec` in the sandbox (file + args for spawn). */
export function sandboxArgv(spec: SandboxSpec, sandbox: Extract<SandboxAvailability, { available: true }>): { file: string; args: string[] } {
  const args = [
    '--unshare-all', '--unshare-user', '--disable-userns', '--die-with-parent', '--new-session', '--clearenv',
    '--cap-drop', 'ALL', '--uid', String(NOBODY), '--gid', String(NOBODY), '--hostname', 'sandbox',
    '--ro-bind', '/usr', '/usr',
  ];
  for (const top of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(top)) continue;
    const stat = lstatSync(top);
    if (stat.isSymbolicLink()) args.push('--symlink', readlinkSync(top), top);
    else if (stat.isDirectory()) args.push('--ro-bind', top, top);
  }
  const runtimeDir = dirname(realpathSync(spec.command));
  if (!runtimeDir.startsWith('/usr/')) args.push('--ro-bind', runtimeDir, runtimeDir);
  for (const dir of spec.readOnly ?? []) args.push('--ro-bind', dir, dir);
  args.push(
    '--ro-bind', spec.labDir, SANDBOX_LAB_DIR,
    '--proc', '/proc', '--dev-bind', '/dev/null', '/dev/null', '--ro-bind', '/dev/urandom', '/dev/urandom',
    '--tmpfs', '/tmp', '--remount-ro', '/', '--chdir', SANDBOX_LAB_DIR,
    '--', realpathSync(spec.command), ...spec.args,
  );
  if (sandbox.dropsRootWith) {
    return { file: sandbox.dropsRootWith, args: [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all', '--no-new-privs', '--', sandbox.bwrap, ...args] };
  }
  return { file: sandbox.bwrap, args };
}

export interface SandboxRun {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
  /** What arrived on fd 3, a pipe the host reads (the channel the worker will answer on). */
  readonly channel: Buffer;
  readonly timedOut: boolean;
  readonly truncated: boolean;
}

/** Runs `spec` in the sandbox with a wall-clock limit and capped outputs; refuses (never runs unsandboxed) when there is none. */
export function runSandboxed(spec: SandboxSpec, options: { timeoutMs: number; maxOutputBytes: number }): Promise<SandboxRun | { readonly refused: string }> {
  const sandbox = findSandbox();
  if (!sandbox.available) return Promise.resolve({ refused: sandbox.reason });
  const { file, args } = sandboxArgv(spec, sandbox);
  return new Promise((resolve) => {
    const child = spawn(file, args, { env: {}, stdio: ['ignore', 'pipe', 'pipe', 'pipe'], detached: false });
    const outs: Buffer[][] = [[], [], []];
    const sizes = [0, 0, 0];
    let truncated = false;
    let timedOut = false;
    const streams = [child.stdout, child.stderr, child.stdio[3]];
    streams.forEach((stream, i) => stream?.on('data', (chunk: Buffer) => {
      const room = options.maxOutputBytes - sizes[i];
      if (chunk.length > room) truncated = true;
      if (room > 0) { outs[i].push(chunk.subarray(0, room)); sizes[i] += Math.min(room, chunk.length); }
    }));
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs);
    child.on('error', (e) => { clearTimeout(timer); resolve({ refused: `the sandbox could not start: ${e.message}` }); });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      resolve({ exitCode, signal, stdout: Buffer.concat(outs[0]), stderr: Buffer.concat(outs[1]), channel: Buffer.concat(outs[2]), timedOut, truncated });
    });
  });
}

function onPath(name: string): string | null {
  for (const dir of ['/usr/bin', '/bin', '/usr/sbin', '/sbin', '/usr/local/bin']) {
    const path = `${dir}/${name}`;
    if (existsSync(path)) return path;
  }
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim().startsWith('/') ? found.stdout.trim() : null;
}

// Starts and stops code-server from Node through the shell scripts beside this file, and makes sure
// it is stopped however this process ends: normal exit, uncaught error, timeout, Ctrl+C, SIGTERM.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, scriptsDir } from './paths.mjs';

const running = new Set();

function stopAll() {
  for (const runDir of running) {
    spawnSync('bash', [join(scriptsDir, 'stop-code-server.sh'), runDir], { stdio: 'ignore' });
    running.delete(runDir);
  }
}

let handlersInstalled = false;
function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', stopAll);
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping code-server`);
      const dirs = [...running];
      stopAll();
      // Interrupted on purpose: nothing in the run folders is worth keeping.
      for (const dir of dirs) removeRunDir(dir);
      process.exit(code);
    });
  }
}

/**
 * A fresh run folder under the system temp dir (short paths matter: the extension host's unix
 * sockets live in RUN_DIR/tmp and socket paths are limited to ~107 bytes).
 */
export function makeRunDir(label) {
  return mkdtempSync(join(tmpdir(), `rnnlab-${label}-`));
}

/** A fresh workspace folder for VS Code to open, with one file so the explorer is not empty. */
export function makeWorkspace(runDir, name = 'workspace') {
  const ws = join(runDir, name);
  mkdirSync(ws, { recursive: true });
  writeFileSync(join(ws, 'README.md'), '# RNN Lab practice folder\n\nScaffold the lab here with "RNN Lab: Scaffold Lab Files".\n');
  return ws;
}

/** Installs a .vsix into runDir's extensions folder (before start). */
export function installVsix(runDir, vsix) {
  execFileSync('bash', [join(scriptsDir, 'install-extension.sh'), runDir, vsix], { stdio: 'inherit' });
}

/**
 * Starts code-server for runDir. `env` is added to the server's environment (it reaches the
 * extension host). Returns { url, port, stop }.
 */
export function startCodeServer(runDir, { smokeDriver = false, env = {}, args = [] } = {}) {
  installHandlers();
  running.add(runDir);
  const out = spawnSync('bash', [join(scriptsDir, 'start-code-server.sh'), runDir,
    ...(smokeDriver ? ['--smoke-driver'] : []), ...args], {
    env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out.status !== 0) {
    stopAll();
    throw new Error(`code-server did not start (see ${join(runDir, 'cs.log')})`);
  }
  const port = Number(readFileSync(join(runDir, 'port'), 'utf8').trim());
  const stop = () => {
    spawnSync('bash', [join(scriptsDir, 'stop-code-server.sh'), runDir], { stdio: 'ignore' });
    running.delete(runDir);
  };
  return { url: `http://127.0.0.1:${port}/`, port, stop };
}

/**
 * Ends a run: after a failure the server log is copied to test-results/logs/<label>-code-server.log
 * (CI keeps test-results), then the run folder goes (kept when KEEP_RUN_DIR=1, for debugging).
 */
export function finishRun(runDir, label, failed) {
  const log = join(runDir, 'cs.log');
  if (failed && existsSync(log)) {
    const dest = join(repoRoot, 'test-results', 'logs', `${label}-code-server.log`);
    mkdirSync(join(repoRoot, 'test-results', 'logs'), { recursive: true });
    copyFileSync(log, dest);
    console.log(`code-server log: ${dest}`);
  }
  removeRunDir(runDir);
}

/** Removes a run folder (kept when KEEP_RUN_DIR=1, for debugging). */
export function removeRunDir(runDir) {
  if (process.env.KEEP_RUN_DIR === '1') {
    console.log(`run folder kept: ${runDir}`);
    return;
  }
  rmSync(runDir, { recursive: true, force: true });
}

/** VS Code version code-server ships ("1.139.1"), from its product.json. */
export function codeServerVsCodeVersion() {
  try {
    const out = execFileSync('bash', ['-c', `source "${join(scriptsDir, 'env.sh')}" && "$NODE24" "$CS_ENTRY" --config /dev/null --version`], { encoding: 'utf8' });
    return /with Code (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

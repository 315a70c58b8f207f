// `npm start` the way the README says, through npm: it packages RNN Lab, installs it into a VS Code
// server on 127.0.0.1, prints the URL and serves until Ctrl+C; `--check` stops by itself after the
// first HTTP 200. Either way nothing it started may be left running.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/repoRoot';

const TIMEOUT_MS = 8 * 60_000; // packaging, and on a fresh machine installing the VS Code server

interface Started {
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** The process group of npm and everything in it (a terminal's Ctrl+C goes to the group). */
  group: number;
}

/** Starts `npm start -- ARGS` in its own process group, as a terminal would run it. */
function npmStart(args: string[]): Started {
  const child = spawn('npm', ['start', ...(args.length ? ['--', ...args] : [])], {
    cwd: repoRoot(), detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RNN_LAB_START_BACKEND: 'code-server' },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { output: () => out, exited, group: child.pid as number };
}

async function waitFor<T>(what: string, probe: () => T | undefined, started: Started, timeoutMs = TIMEOUT_MS): Promise<T> {
  const end = Date.now() + timeoutMs;
  let done = false;
  void started.exited.then(() => { done = true; });
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (done || Date.now() > end) throw new Error(`${what} did not happen; npm start printed:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The URL npm start printed, the code-server process group and the run folder it made. */
function served(output: string): { url: string; port: number; serverGroup: number; runDir: string } | undefined {
  const url = /^\s+(http:\/\/127\.0\.0\.1:(\d+)\/\?folder=(\S+))$/m.exec(output);
  const group = /code-server up at .* \(pgid (\d+)\)/.exec(output);
  if (!url || !group) return undefined;
  return { url: url[1], port: Number(url[2]), serverGroup: Number(group[1]), runDir: dirname(decodeURIComponent(url[3])) };
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(url: string): Promise<number | null> {
  try {
    return (await fetch(url)).status;
  } catch {
    return null;
  }
}

/** Nothing npm start started is left: its process group, the server's group, the port, the run folder. */
async function assertNothingLeft(started: Started, s: { url: string; serverGroup: number; runDir: string }): Promise<void> {
  // The processes may take a moment to be reaped after npm exits.
  for (let i = 0; i < 50 && (groupAlive(started.group) || groupAlive(s.serverGroup)); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(groupAlive(started.group), false, 'a process of npm start is still running');
  assert.equal(groupAlive(s.serverGroup), false, 'code-server (or an extension host) is still running');
  assert.equal(await answers(s.url), null, `${s.url} still answers`);
  assert.equal(existsSync(s.runDir), false, `${s.runDir} was not removed`);
}

test('npm start -- --check serves RNN Lab on 127.0.0.1, stops after the first HTTP 200, leaves nothing running', { timeout: TIMEOUT_MS }, async () => {
  const started = npmStart(['--check']);
  const code = await started.exited;
  const out = started.output();
  assert.equal(code, 0, `npm start -- --check exited with ${code}:\n${out}`);
  assert.match(out, /RNN Lab \(rnn-lab-edu\.rnn-lab-[\d.]+\) is running in VS Code/);
  assert.match(out, /check passed: the workbench answered HTTP 200 with RNN Lab installed/);
  const s = served(out);
  assert.ok(s, `no URL or server group in the output:\n${out}`);
  await assertNothingLeft(started, s);
});

test('npm start serves until Ctrl+C, which stops everything', { timeout: TIMEOUT_MS }, async () => {
  const started = npmStart([]);
  try {
    const s = await waitFor('the URL', () => served(started.output()), started);
    await waitFor('"Press Ctrl+C to stop."', () => (started.output().includes('Press Ctrl+C to stop.') ? true : undefined), started, 10_000);
    assert.equal(await answers(s.url), 200, `${s.url} does not answer`);
    process.kill(-started.group, 'SIGINT'); // what a terminal's Ctrl+C does: SIGINT to the foreground group
    const code = await Promise.race([started.exited, new Promise((r) => setTimeout(() => r('still running 30 s after Ctrl+C'), 30_000))]);
    assert.notEqual(code, 'still running 30 s after Ctrl+C');
    assert.match(started.output(), /== stopping/);
    await assertNothingLeft(started, s);
  } finally {
    if (groupAlive(started.group)) process.kill(-started.group, 'SIGKILL');
  }
});

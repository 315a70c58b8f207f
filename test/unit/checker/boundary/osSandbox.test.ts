import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { findSandbox, runSandboxed } from '../../../../src/checker/boundary/osSandbox';

/** The hostile script: every attempt is recorded; a correct computation answers on stdout and fd 3. */
const HOSTILE = String.raw`
const fs = require('fs'), net = require('net');
const [hostPid, port, classmate] = process.argv.slice(2);
const out = {};
const tryIt = (name, f) => { try { out[name] = 'done: ' + String(f()).slice(0, 80); } catch (e) { out[name] = 'blocked: ' + (e.code || e.message); } };
tryIt('killParent', () => { process.kill(process.ppid, 'SIGKILL'); return 'ppid ' + process.ppid; });
tryIt('killHost', () => process.kill(Number(hostPid), 'SIGKILL'));
tryIt('rawKillHost', () => { const r = process._kill(Number(hostPid), 9); if (r) throw Object.assign(new Error('errno ' + r), { code: 'errno ' + r }); return r; });
tryIt('debugHost', () => process._debugProcess(Number(hostPid)));
tryIt('writeLab', () => fs.writeFileSync('/lab/pwned.txt', 'x'));
tryIt('writeRoot', () => fs.writeFileSync('/pwned.txt', 'x'));
tryIt('readPasswd', () => fs.readFileSync('/etc/passwd', 'utf8'));
tryIt('readClassmate', () => fs.readFileSync(classmate, 'utf8'));
tryIt('readViaLink', () => fs.readFileSync('/lab/friend.ts', 'utf8'));
tryIt('cwdParent', () => fs.readdirSync('/proc/self/cwd/..').join(','));
tryIt('envKeys', () => { const keys = Object.keys(process.env).filter((k) => !(k === 'PWD' && process.env.PWD === '/lab')); if (keys.length) return keys.join(','); throw Object.assign(new Error(), { code: 'empty' }); });
tryIt('uid', () => { if (process.getuid() === 0) return 'root'; throw Object.assign(new Error(), { code: 'uid ' + process.getuid() }); });
const s = net.connect(Number(port), '127.0.0.1');
s.on('connect', () => finish('done: connected'));
s.on('error', (e) => finish('blocked: ' + e.code));
function finish(tcp) {
  out.tcpHost = tcp;
  fs.writeSync(3, JSON.stringify({ answer: 6 * 7 }));
  process.stdout.write(JSON.stringify(out));
}
`;

let root = '';
let server: Server;
let port = 0;
let connections = 0;
before(async () => {
  root = mkdtempSync(join(tmpdir(), 'rnn-lab-sandbox-test-'));
  chmodSync(root, 0o755); // the sandbox runs as uid 65534 when the tests run as root
  server = createServer((socket) => { connections++; socket.destroy(); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
after(() => { server.close(); rmSync(root, { recursive: true, force: true }); });

describe('the operating-system sandbox', () => {
  test('every escape fails while the computation still answers the host', async (t) => {
    const sandbox = findSandbox();
    if (!sandbox.available) { t.skip(`no sandbox here: ${sandbox.reason}`); return; }
    const lab = join(root, 'mallory');
    const alice = join(root, 'alice');
    mkdirSync(lab, { mode: 0o755 });
    mkdirSync(alice, { mode: 0o755 });
    writeFileSync(join(alice, 'rnn.ts'), 'secret', { mode: 0o644 });
    writeFileSync(join(lab, 'hostile.js'), HOSTILE, { mode: 0o644 });
    symlinkSync(join(alice, 'rnn.ts'), join(lab, 'friend.ts'));
    const run = await runSandboxed(
      { command: process.execPath, args: ['hostile.js', String(process.pid), String(port), join(alice, 'rnn.ts')], labDir: lab },
      { timeoutMs: 20_000, maxOutputBytes: 1 << 16 },
    );
    assert.ok(!('refused' in run), 'refused' in run ? run.refused : '');
    assert.equal(run.exitCode, 0, run.stderr.toString());
    assert.deepEqual(JSON.parse(run.channel.toString()), { answer: 42 });
    const out = JSON.parse(run.stdout.toString()) as Record<string, string>;
    for (const [attempt, outcome] of Object.entries(out)) {
      if (attempt === 'cwdParent' || attempt === 'killParent') continue;
      assert.match(outcome, /^blocked: /, `${attempt}: ${outcome}`);
    }
    // Its parent is the sandbox's own init (PID 1 of its PID namespace), which ignores the signal.
    assert.equal(out.killParent, 'done: ppid 1');
    assert.match(out.uid, /uid 65534/);
    assert.equal(out.cwdParent.includes('work'), false, out.cwdParent);
    assert.equal(connections, 0);
    const { url } = await import('node:inspector');
    assert.equal(url(), undefined, 'the host opened no inspector');
  });

  test('a run past its time limit is killed, and refusal is a value', async (t) => {
    const sandbox = findSandbox();
    if (!sandbox.available) { t.skip(`no sandbox here: ${sandbox.reason}`); return; }
    const lab = join(root, 'sleeper');
    mkdirSync(lab, { mode: 0o755 });
    const run = await runSandboxed({ command: process.execPath, args: ['-e', 'setInterval(() => {}, 1000)'], labDir: lab }, { timeoutMs: 1500, maxOutputBytes: 1024 });
    assert.ok(!('refused' in run) && run.timedOut);
  });
});

#!/usr/bin/env node
// `npm run test:integration` after the build: runs out/test/integration/index.js (mocha, TDD ui)
// inside a real VS Code extension host, with this repository as the development extension and a
// fresh workspace folder open.
//
//   VSCODE_TEST_BACKEND=electron     desktop VS Code via @vscode/test-electron (downloads VS Code)
//   VSCODE_TEST_BACKEND=code-server  VS Code server via code-server, driven by Chromium
//   unset                            electron, and code-server when the download fails offline
//
// Env: INTEGRATION_TIMEOUT_S (default 600), VERBOSE=1 (all browser console lines), KEEP_RUN_DIR=1.
// Last line, always: `vscode integration: N passed, M failed (VS Code X.Y.Z)`; exit 1 when M > 0 or
// nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams, fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchChromium } from './chromium.mjs';
import { codeServerVsCodeVersion, finishRun, makeRunDir, makeWorkspace, removeRunDir, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';

const TESTS_INDEX = join(repoRoot, 'out', 'test', 'integration', 'index.js');
// Written by the suite (test/integration/index.ts); one file per run, so runs in parallel don't mix,
// then kept as test-results/integration.json.
const RESULTS = join(repoRoot, 'test-results', `integration-${process.pid}.json`);
const RESULTS_KEPT = join(repoRoot, 'test-results', 'integration.json');
const SCREENS = join(repoRoot, 'test-results', 'screens');
const TIMEOUT_S = Number(process.env.INTEGRATION_TIMEOUT_S || 600);
const DESKTOP_VERSION = '1.139.1'; // the same VS Code the code-server backend ships
const OFFLINE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|fetch failed|getaddrinfo|socket hang up|Cannot find package '@vscode\/test-electron'/;
// Log lines that say nothing about RNN Lab (the offline gallery, the absent GitHub auth provider...).
const NOISE = new RegExp([
  'ENOTFOUND', 'EAI_AGAIN', 'authentication provider', 'vsda', 'marketplace', 'gallery', 'Failed to load resource',
  'connection token', 'Creating a socket', 'reconnection-grace-time', 'builtin extensions cache', 'Service Worker',
  'AgentHost', 'AccountPolicyGate',
].join('|'), 'i');

function summary(results, version) {
  const passed = results?.passed ?? 0;
  // A run that crashed before mocha reported anything still counts as one failure.
  const failed = results ? results.failed : 1;
  console.log(`vscode integration: ${passed} passed, ${failed} failed (VS Code ${results?.vscodeVersion ?? version})`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

function readResults() {
  if (!existsSync(RESULTS)) return undefined;
  return JSON.parse(readFileSync(RESULTS, 'utf8'));
}

function keepResults() {
  if (existsSync(RESULTS)) renameSync(RESULTS, RESULTS_KEPT);
}

/** One line per failed test right above the summary (mocha's report above has the details). */
function printFailures(results) {
  for (const t of results?.tests ?? []) {
    if (t.state === 'failed') console.log(`failed: ${t.title}`);
  }
}

const NO_DISPLAY = 'no display for desktop VS Code and no xvfb-run';

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function viaElectron() {
  const { downloadAndUnzipVSCode, runTests } = await import('@vscode/test-electron');
  const vscodeExecutablePath = await downloadAndUnzipVSCode(DESKTOP_VERSION);
  // Desktop VS Code needs an X display: on a headless Linux box, run this script again under xvfb-run.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    if (process.env.RNN_LAB_UNDER_XVFB === '1' || !hasCommand('xvfb-run')) throw new Error(NO_DISPLAY);
    const child = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], {
      stdio: 'inherit', env: { ...process.env, VSCODE_TEST_BACKEND: 'electron', RNN_LAB_UNDER_XVFB: '1' },
    });
    process.exit(child.status ?? 1); // the child printed the summary line
  }
  const runDir = makeRunDir('int');
  const workspace = makeWorkspace(runDir);
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: TESTS_INDEX,
      extensionTestsEnv: { RNN_LAB_INTEGRATION_RESULTS: RESULTS },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(runDir, 'user-data')],
    });
  } catch (err) {
    // runTests rejects when the tests fail; the result file tells how many.
    if (!readResults()) throw err;
  } finally {
    removeRunDir(runDir);
  }
  return DESKTOP_VERSION;
}

async function viaCodeServer() {
  const install = spawnSync('bash', [join(repoRoot, 'scripts', 'vscode-e2e', 'install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) throw new Error('installing code-server failed (see above)');
  const version = codeServerVsCodeVersion();
  const runDir = makeRunDir('int');
  let server;
  let browser;
  let ok = false;
  try {
    const workspace = makeWorkspace(runDir);
    server = startCodeServer(runDir, { smokeDriver: true, env: { RNN_LAB_INTEGRATION_RESULTS: RESULTS } });
    browser = await launchChromium();
    const { page } = browser;
    const verbose = process.env.VERBOSE === '1';
    page.on('console', (m) => { if (verbose) console.log(`[browser.${m.type()}] ${m.text()}`); });
    page.on('pageerror', (e) => console.log(`[page error] ${String(e).slice(0, 400)}`));
    let exited;
    const exit = new Promise((resolve) => { exited = resolve; });
    // The workbench (with the smoke-test driver on) reports the extension host's log lines and the
    // tests' exit code through these two hooks, the same ones @vscode/test-web installs.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = Array.isArray(args) ? format(...args) : String(args);
      if (verbose || !NOISE.test(line)) console.log(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const query = new URLSearchParams({
      folder: workspace,
      payload: JSON.stringify([
        ['extensionDevelopmentPath', remote(repoRoot)],
        ['extensionTestsPath', remote(TESTS_INDEX)],
      ]),
    });
    const t0 = Date.now();
    // Only the navigation: the suite's exit (or INTEGRATION_TIMEOUT_S) is what the run waits for.
    await page.goto(`${server.url}?${query}`, { waitUntil: 'commit' });
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_S * 1000); });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: join(SCREENS, 'integration-end.png') }).catch(() => {});
    if (code === 'timeout') console.log(`the tests did not finish within ${TIMEOUT_S} s (INTEGRATION_TIMEOUT_S)`);
    else console.log(`extension host finished with exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    ok = code === 0;
  } finally {
    await browser?.close();
    server?.stop();
    finishRun(runDir, 'integration', !ok);
  }
  return version;
}

async function main() {
  if (!existsSync(TESTS_INDEX)) {
    console.log(`missing ${TESTS_INDEX}: run node scripts/build-tests.mjs integration first`);
    return summary(undefined, 'unknown');
  }
  rmSync(RESULTS, { force: true });
  mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
  const backend = process.env.VSCODE_TEST_BACKEND || 'auto';
  let version;
  if (backend === 'code-server') {
    version = await viaCodeServer();
  } else {
    try {
      version = await viaElectron();
    } catch (err) {
      const msg = String(err?.stack ?? err);
      if (backend === 'electron' || !(OFFLINE.test(msg) || msg.includes(NO_DISPLAY))) {
        console.log(`@vscode/test-electron failed: ${msg}`);
        const results = readResults();
        keepResults();
        return summary(results, 'unknown');
      }
      console.log(`desktop VS Code cannot run here (${msg.split('\n')[0]}); using VS Code server (code-server)`);
      version = await viaCodeServer();
    }
  }
  const results = readResults();
  keepResults();
  printFailures(results);
  return summary(results, version);
}

main().then((code) => process.exit(code), (err) => {
  console.log(String(err?.stack ?? err));
  process.exit(summary(undefined, 'unknown'));
});

#!/usr/bin/env node
// `npm run test:ui` after packaging: installs dist/rnn-lab.vsix into a fresh code-server the way a
// user would, opens a fresh workspace in Debian's Chromium, and runs every out/test/ui/**/*.test.js
// (mocha, TDD ui) against that ONE server and page (starting them is the slow part).
//
// Env: UI_TIMEOUT_MS per test (default 60000), UI_GREP (run only the tests whose full title matches
// this regular expression), VERBOSE=1 (browser console), KEEP_RUN_DIR=1.
// Tests in a file named harness.test.ts check the driver itself on what any VS Code has (e.g. VS
// Code's own Markdown preview), not RNN Lab: they are counted on their own line,
// `ui harness self-test: N passed, M failed`. Last line: `ui: N passed, M failed` (RNN Lab's tests);
// exit 1 when anything failed or no RNN Lab test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { finishRun, installVsix, makeRunDir, makeWorkspace, startCodeServer } from './codeServer.mjs';
import { repoRoot } from './paths.mjs';

const VSIX = join(repoRoot, 'dist', 'rnn-lab.vsix');
const TESTS = join(repoRoot, 'out', 'test', 'ui');
const SCREENS = join(repoRoot, 'test-results', 'screens');
const SESSION = Symbol.for('rnnLab.ui.session');

function summary(passed, failed, harness = { passed: 0, failed: 0 }) {
  console.log(`ui harness self-test: ${harness.passed} passed, ${harness.failed} failed`);
  console.log(`ui: ${passed} passed, ${failed} failed`);
  return failed === 0 && harness.failed === 0 && passed > 0 ? 0 : 1;
}

/** A test (or hook) of the driver's self-test, by its file's name. */
const isHarnessSelfTest = (runnable) => /(^|[\\/])harness\.test\.js$/.test(runnable.file ?? '');

async function main() {
  if (!existsSync(VSIX)) {
    console.log(`missing ${VSIX}: run npm run package first`);
    return summary(0, 1);
  }
  const files = existsSync(TESTS)
    ? readdirSync(TESTS, { recursive: true }).map(String).filter((f) => f.endsWith('.test.js')).sort().map((f) => join(TESTS, f))
    : [];
  if (files.length === 0) {
    console.log(`no UI tests in ${TESTS}: run node scripts/build-tests.mjs ui first`);
    return summary(0, 1);
  }
  const install = spawnSync('bash', [join(repoRoot, 'scripts', 'vscode-e2e', 'install.sh')], { stdio: 'inherit' });
  if (install.status !== 0) return summary(0, 1);
  mkdirSync(SCREENS, { recursive: true });

  const runDir = makeRunDir('ui');
  const pageErrors = [];
  let server;
  let browser;
  let failed = 1;
  let passed = 0;
  const harness = { passed: 0, failed: 0 };
  try {
    const workspace = makeWorkspace(runDir);
    installVsix(runDir, VSIX);
    // No smoke-test driver here: the workbench behaves as a user sees it (notification toasts included).
    server = startCodeServer(runDir);
    browser = await launchChromium();
    const { page } = browser;
    page.on('console', (m) => { if (process.env.VERBOSE === '1') console.log(`[browser.${m.type()}] ${m.text()}`); });
    page.on('pageerror', (e) => pageErrors.push(String(e).slice(0, 300)));
    const url = `${server.url}?${new URLSearchParams({ folder: workspace })}`;
    globalThis[SESSION] = { page, url, workspace, screensDir: SCREENS };
    // Only the navigation here: workbenchReady() (test/ui/driver) waits for a usable workbench, with its
    // own, longer budget; the page's load event has no meaning for the tests.
    await page.goto(url, { waitUntil: 'commit' });

    const Mocha = createRequire(import.meta.url)('mocha');
    const mocha = new Mocha({
      ui: 'tdd', reporter: 'spec', color: false,
      timeout: Number(process.env.UI_TIMEOUT_MS || 60_000),
      ...(process.env.UI_GREP ? { grep: new RegExp(process.env.UI_GREP) } : {}),
      rootHooks: {
        // A failed test leaves a picture of what the user would have seen.
        async afterEach() {
          const t = this.currentTest;
          if (t?.state === 'failed') {
            const name = `FAILED-${t.fullTitle()}`.replace(/[^\w.-]+/g, '-').slice(0, 120);
            await page.screenshot({ path: join(SCREENS, `${name}.png`) }).catch(() => {});
          }
        },
      },
    });
    for (const f of files) mocha.addFile(f);
    await mocha.loadFilesAsync();
    const stats = await new Promise((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats));
      runner.on('pass', (t) => { if (isHarnessSelfTest(t)) harness.passed++; });
      runner.on('fail', (t) => { if (isHarnessSelfTest(t)) harness.failed++; });
    });
    passed = stats.passes - harness.passed;
    failed = stats.failures - harness.failed;
    if (failed && pageErrors.length) console.log(`page errors (first 10):\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
  } finally {
    await browser?.close();
    server?.stop();
    finishRun(runDir, 'ui', failed !== 0 || harness.failed !== 0);
  }
  console.log(`screenshots: ${SCREENS}`);
  return summary(passed, failed, harness);
}

main().then((code) => process.exit(code), (err) => {
  console.log(String(err?.stack ?? err));
  process.exit(summary(0, 1));
});

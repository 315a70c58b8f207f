import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { detect } from '../../../src/checker/host/childRuntime';
import { check, fixture, summary, task } from './support';

/**
 * The seat belt: every route a lab can take to files, processes, workers or the network ends the
 * task that takes it as `error`, with a message naming what was refused, and leaves nothing behind.
 */
const CLIP_REFUSED = 'rnnStep:pass forward:pass bptt:pass clipGradNorm:error trainStep:error';

/** fixture → what the message must name. Each lab is correct apart from one attempt in clipGradNorm. */
const ROUTES: readonly (readonly [string, RegExp])[] = [
  ['hostile-write-via-getbuiltin', /refused writing of .*escaped-by-lab\.txt: a lab may not write files/],
  ['hostile-write-caught', /refused writing of .*written-by-lab\.txt: a lab may not write files/],
  ['hostile-read-outside-via-require', /refused reading of .*correct-loops.*rnn\.ts: a lab may read only the files in its own folder/],
  ['hostile-spawn-via-getbuiltin', /refused Node's "child_process" module: a lab may not start, signal or inspect other processes/],
  ['hostile-spawn-via-binding', /refused process\.binding\("spawn_sync"\)/],
  ['hostile-spawn-via-main-module', /refused process\.mainModule \(the real require\)/],
  ['hostile-worker-via-eval', /refused Node's "worker_threads" module: a lab may not start threads or workers/],
  ['hostile-network-via-require', /refused Node's "net" module: a lab may not use the network/],
  ['hostile-network-via-dynamic-import', /refused Node's "http" module: a lab may not use the network/],
  ['hostile-network-via-function-import', /refused an import\(\) built from a string/],
  ['hostile-network-via-fetch', /refused fetch: a lab may not use the network/],
  ['hostile-kill-parent', /refused process\.kill/],
];

/** Files the hostile labs try to create; none may exist after any check. */
const LEFT_BEHIND = [
  join(fixture(''), 'escaped-by-lab.txt'),
  join(fixture('hostile-write-caught'), 'written-by-lab.txt'),
  ...['hostile-spawn-via-getbuiltin', 'hostile-spawn-via-main-module', 'hostile-spawn-at-load', 'hostile-spawn-via-import'].map((f) => join(fixture(f), 'pwned-by-lab.txt')),
];

describe('the seat belt', () => {
  for (const [name, refused] of ROUTES) {
    test(`${name}: clipGradNorm (and trainStep, which calls it) end as error, naming the refusal`, async () => {
      const report = await check(fixture(name));
      assert.equal(summary(report), CLIP_REFUSED);
      assert.match(task(report, 'clipGradNorm').message, /^clipGradNorm was stopped on input .*The checker refused/);
      assert.match(task(report, 'clipGradNorm').message, refused);
    });
  }

  test('a refused access while loading makes every task an error', async () => {
    const report = await check(fixture('hostile-spawn-at-load'));
    assert.equal(summary(report), 'rnnStep:error forward:error bptt:error clipGradNorm:error trainStep:error');
    assert.match(task(report, 'bptt').message, /^Loading rnn\.ts was stopped\. The checker refused Node's "child_process" module/);
  });

  test('a static import of a Node module is refused when compiling, at the import', async () => {
    const report = await check(fixture('hostile-spawn-via-import'));
    assert.equal(summary(report), 'rnnStep:error forward:error bptt:error clipGradNorm:error trainStep:error');
    assert.match(task(report, 'forward').message, /imports Node's "node:child_process" module, which the checker refuses/);
    assert.deepEqual(task(report, 'forward').location, { file: 'rnn.ts', line: 2, column: 26 });
  });

  test('no hostile lab left a file behind', () => {
    for (const file of LEFT_BEHIND) assert.equal(existsSync(file), false, `${file} exists`);
  });
});

describe('the child runtime', () => {
  test('this Node takes a permission flag, and the probe proves writing is refused under it', async () => {
    const runtime = await detect(process.execPath, false);
    const major = Number(process.versions.node.split('.')[0]);
    assert.equal(runtime.permissionFlag, major <= 21 ? '--experimental-permission' : '--permission');
    assert.deepEqual(runtime.env, {});
  });

  test('a runtime that refuses both flags is reported as such, not trusted', async () => {
    // `false` (the shell tool) exits 1 whatever it is given: like a runtime that rejects the flags.
    const runtime = await detect('false', true);
    assert.equal(runtime.permissionFlag, null);
    assert.deepEqual(runtime.env, { ELECTRON_RUN_AS_NODE: '1' });
  });
});

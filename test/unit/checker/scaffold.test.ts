import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { scaffoldLab } from '../../../src/checker/host/scaffold';
import { check, summary, TEMPLATES } from './support';

const scratch = mkdtempSync(join(tmpdir(), 'rnn-lab-scaffold-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('scaffold', () => {
  test('writes rnn.ts, README.md and tsconfig.json into a new folder', () => {
    const dir = join(scratch, 'fresh', 'lab');
    const r = scaffoldLab(dir, { templateDir: TEMPLATES });
    assert.deepEqual(r.written, ['README.md', 'rnn.ts', 'tsconfig.json']);
    assert.deepEqual(r.kept, []);
    const rnn = readFileSync(join(dir, 'rnn.ts'), 'utf8');
    for (const name of ['rnnStep', 'forward', 'bptt', 'clipGradNorm', 'trainStep']) assert.match(rnn, new RegExp(`export function ${name}\\(`));
    assert.match(rnn, /throw new Error\('TODO: bptt/);
    assert.match(readFileSync(join(dir, 'README.md'), 'utf8'), /rnn-lab check/);
  });

  test('never overwrites: a second scaffold keeps the edits and lists the kept files', async () => {
    const dir = join(scratch, 'twice');
    scaffoldLab(dir, { templateDir: TEMPLATES });
    const edited = readFileSync(join(TEMPLATES, '..', '..', 'test', 'fixtures', 'labs', 'correct-loops', 'rnn.ts'), 'utf8');
    writeFileSync(join(dir, 'rnn.ts'), edited);
    rmSync(join(dir, 'README.md'));
    const r = scaffoldLab(dir, { templateDir: TEMPLATES });
    assert.deepEqual(r.written, ['README.md']);
    assert.deepEqual(r.kept, ['rnn.ts', 'tsconfig.json']);
    assert.equal(readFileSync(join(dir, 'rnn.ts'), 'utf8'), edited);
    assert.match(summary(await check(dir)), /^rnnStep:pass forward:pass bptt:pass clipGradNorm:pass trainStep:pass$/);
  });

  test('refuses a file where the folder should be', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    assert.throws(() => scaffoldLab(file, { templateDir: TEMPLATES }), /is a file, not a folder/);
  });
});

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { copyLabRegularFiles } from '../../../../src/checker/boundary/labCopy';

const root = mkdtempSync(join(tmpdir(), 'rnn-lab-copy-test-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A class folder with a classmate beside the lab. */
function classWithLab(): { lab: string; dest: string; classmate: string } {
  const dir = join(root, String(n++));
  const lab = join(dir, 'mallory');
  const classmate = join(dir, 'alice');
  mkdirSync(join(lab, 'sub'), { recursive: true });
  mkdirSync(classmate);
  writeFileSync(join(classmate, 'rnn.ts'), 'export const secret = 1;');
  writeFileSync(join(lab, 'helper.ts'), 'export const h = 2;');
  writeFileSync(join(lab, 'sub', 'deep.ts'), 'export const d = 3;');
  return { lab, dest: join(dir, 'copy'), classmate };
}

describe('the lab copy', () => {
  test('regular files are copied byte for byte; links are reported as what they are and not followed', () => {
    const { lab, dest, classmate } = classWithLab();
    symlinkSync(join(classmate, 'rnn.ts'), join(lab, 'rnn.ts'));
    symlinkSync('../alice', join(lab, 'friend'));
    symlinkSync('/etc/passwd', join(lab, 'sub', 'passwd'));
    const result = copyLabRegularFiles(lab, dest);
    assert.equal(result.copiedFiles, 2);
    assert.equal(readFileSync(join(dest, 'helper.ts'), 'utf8'), 'export const h = 2;');
    assert.equal(readFileSync(join(dest, 'sub', 'deep.ts'), 'utf8'), 'export const d = 3;');
    assert.deepEqual(readdirSync(dest).sort(), ['helper.ts', 'sub']);
    const byName = new Map(result.skipped.map((s) => [s.shown, s]));
    assert.equal(byName.get('rnn.ts')?.reason, 'symbolic-link');
    assert.equal(byName.get('rnn.ts')?.message, `rnn.ts is a symbolic link to ${join(classmate, 'rnn.ts')}; the checker copies only regular files`);
    assert.equal(byName.get('friend')?.reason, 'symbolic-link');
    assert.equal(byName.get('sub/passwd')?.reason, 'symbolic-link');
  });

  test('a name that is not valid UTF-8 is copied with its exact bytes', () => {
    const { lab, dest } = classWithLab();
    const name = Buffer.concat([Buffer.from(lab + '/'), Buffer.from([0x66, 0xff, 0x2e, 0x74, 0x73])]);
    writeFileSync(name, 'x');
    const result = copyLabRegularFiles(lab, dest);
    assert.equal(result.copiedFiles, 3);
    const copied = readdirSync(Buffer.from(dest), { encoding: 'buffer' }).map((b) => b.toString('hex'));
    assert.ok(copied.includes('66ff2e7473'));
  });

  test('the total size and the file count are capped, and each skipped file says why', () => {
    const { lab, dest } = classWithLab();
    writeFileSync(join(lab, 'big.bin'), Buffer.alloc(5000));
    const sized = copyLabRegularFiles(lab, dest, { maxTotalBytes: 1000, maxFiles: 100, maxDepth: 8 });
    assert.deepEqual(sized.skipped.map((s) => [s.shown, s.reason]), [['big.bin', 'too-large-total']]);
    assert.ok(sized.copiedBytes <= 1000);
    const counted = copyLabRegularFiles(lab, `${dest}2`, { maxTotalBytes: 1 << 20, maxFiles: 1, maxDepth: 8 });
    assert.equal(counted.copiedFiles, 1);
    assert.ok(counted.skipped.every((s) => s.reason === 'too-many-files') && counted.skipped.length === 2);
  });

  test('pipes, excluded folders and folders too deep are skipped, never blocking or following', () => {
    const { lab, dest } = classWithLab();
    execFileSync('mkfifo', [join(lab, 'pipe.ts')]);
    mkdirSync(join(lab, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(lab, 'node_modules', 'x', 'index.js'), '');
    mkdirSync(join(lab, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(lab, 'a', 'b', 'c', 'far.ts'), '');
    const result = copyLabRegularFiles(lab, dest, { maxTotalBytes: 1 << 20, maxFiles: 100, maxDepth: 2 });
    const reasons = Object.fromEntries(result.skipped.map((s) => [s.shown, s.reason]));
    assert.equal(reasons['pipe.ts'], 'not-a-regular-file');
    assert.equal(reasons.node_modules, 'excluded-folder');
    assert.equal(reasons['a/b/c'], 'too-deep');
    assert.equal(existsSync(join(dest, 'a', 'b', 'c')), false);
  });

  test('the destination must be fresh', () => {
    const { lab, dest } = classWithLab();
    mkdirSync(dest);
    assert.throws(() => copyLabRegularFiles(lab, dest), /EEXIST/);
  });
});

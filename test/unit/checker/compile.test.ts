import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileLab } from '../../../src/checker/worker/compile';
import { originalPosition } from '../../../src/checker/worker/sourceMap';
import { fixture, TEMPLATES } from './support';

describe('compiling the lab (TypeScript transpileModule)', () => {
  test('follows relative imports (.js suffix, index folders) and finds each function', () => {
    const r = compileLab(fixture('correct-split'));
    assert.ok(r.ok);
    if (!r.ok) return;
    // types.ts is imported only with `import type`: nothing of it exists at run time.
    assert.deepEqual(Object.keys(r.lab.modules).sort(), ['grad/index.ts', 'linalg.ts', 'rnn.ts', 'train.ts']);
    assert.equal(r.lab.imports['rnn.ts']['./linalg.js'], 'linalg.ts');
    assert.equal(r.lab.imports['train.ts']['./grad/index'], 'grad/index.ts');
    assert.deepEqual(r.lab.declarations.bptt, { file: 'grad/index.ts', line: 5, column: 17 });
  });

  test('syntax errors come with file, line and column', () => {
    const r = compileLab(fixture('hostile-syntax-error'));
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.problems[0], { message: "')' expected.", location: { file: 'rnn.ts', line: 14, column: 57 } });
  });

  test('source maps lead back to the TypeScript line', () => {
    const r = compileLab(TEMPLATES);
    assert.ok(r.ok);
    if (!r.ok) return;
    const js = r.lab.modules['rnn.ts'].split('\n');
    const line = js.findIndex((l) => l.includes("TODO: bptt")) + 1;
    const column = js[line - 1].indexOf('throw') + 1;
    // The stub's line in the template itself, so editing the template's comments cannot break this.
    const stubLine = readFileSync(join(TEMPLATES, 'rnn.ts'), 'utf8').split('\n').findIndex((l) => l.includes('TODO: bptt')) + 1;
    assert.deepEqual(originalPosition(r.lab.sourceMaps['rnn.ts'], line, column), { line: stubLine, column: 3 });
  });

  test('compiling reports its time (the benchmark reports the numbers)', () => {
    const r = compileLab(fixture('correct-loops'));
    assert.ok(r.ok);
    if (r.ok) assert.ok(r.lab.compileMs > 0 && r.lab.compileMs < 10_000, `${r.lab.compileMs} ms`);
  });
});

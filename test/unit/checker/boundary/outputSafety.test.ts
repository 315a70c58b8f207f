import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { capString, csvCell, escapeXml, junitFileNames, textOf } from '../../../../src/checker/boundary/outputSafety';

describe('output safety', () => {
  test('a 40 MB Error name is capped, with a marker saying how much was cut', () => {
    const huge = 'E'.repeat(40 * 1024 * 1024);
    const capped = capString(huge, 200);
    assert.ok(capped.length <= 200);
    const dropped = Number(/\[(\d+) more characters cut\]$/.exec(capped)?.[1]);
    assert.equal(capped.indexOf('…') + dropped, huge.length);
    assert.equal(capString('short', 200), 'short');
  });

  test('capping never leaves half a surrogate pair', () => {
    const text = '😀'.repeat(100);
    for (let max = 30; max < 40; max++) {
      const capped = capString(text, max);
      assert.doesNotThrow(() => encodeURIComponent(capped), String(max));
    }
  });

  test('textOf never calls into the value', () => {
    const trap = { toString() { throw new Error('called'); }, get name() { throw new Error('called'); } };
    assert.equal(textOf(trap, 50), '(a object)');
    assert.equal(textOf(Symbol('s'), 50), '(a symbol)');
    assert.equal(textOf(12n, 50), '12');
    assert.equal(textOf('x'.repeat(100), 40).length <= 40, true);
  });

  test('escapeXml leaves no markup, keeps tab/newline as references, shows characters XML forbids', () => {
    const hostile = `"/><testcase name="forged"/><x a='&\u0000\u0001\u001b\t\n\r\ud800\uffff😀`;
    const escaped = escapeXml(hostile);
    assert.doesNotMatch(escaped, /[<>"']/);
    assert.doesNotMatch(escaped, /&(?!(amp|lt|gt|quot|apos|#9|#10|#13);)/);
    // Only characters XML 1.0 allows remain.
    assert.match(escaped, /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u);
    assert.ok(escaped.includes('\\u0000') && escaped.includes('\\u001b') && escaped.includes('\\ud800') && escaped.includes('\\uffff'));
    assert.ok(escaped.includes('&#9;&#10;&#13;') && escaped.endsWith('😀'));
  });

  test('a CSV cell is never a formula and is quoted when it must be', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '＝']) {
      const cell = csvCell(`${lead}HYPERLINK("http://x")`);
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      assert.ok(unquoted.startsWith("'"), JSON.stringify(cell));
    }
    assert.equal(csvCell('alice'), 'alice');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('=1+1,2'), `"'=1+1,2"`);
  });

  test('JUnit file names are safe and unique, whatever the names, in any order', () => {
    const names: (string | Uint8Array)[] = [
      'alice', 'Alice', 'a/b', 'a_b', 'a\\b', '..', '.hidden', 'CON', 'nul.txt', '', '=cmd', 'x'.repeat(300), 'x'.repeat(301),
      'é', 'e\u0301', Buffer.from([0x66, 0xff, 0xfe]), Buffer.from([0x66, 0xff, 0xfd]), 'f\u00ff\u00fe',
    ];
    const files = junitFileNames(names);
    assert.equal(files.length, names.length);
    assert.equal(new Set(files.map((f) => f.toLowerCase())).size, files.length, files.join(' '));
    for (const f of files) {
      assert.match(f, /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,120}\.xml$/);
      assert.doesNotMatch(f, /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
    }
    // alice and Alice clash on a case-insensitive file system: both get a hash of their own name.
    assert.match(files[0], /^alice-[0-9a-f]{8}\.xml$/);
    assert.match(files[1], /^Alice-[0-9a-f]{8}\.xml$/);
    // Deterministic: each name gets the same file whatever the order of the class.
    const reversed = junitFileNames([...names].reverse()).reverse();
    assert.deepEqual(reversed, files);
    assert.equal(junitFileNames(['bob'])[0], 'bob.xml');
  });
});

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS } from '../../../src/checker/host/checkLab';
import { AGREEMENT_RELATIVE } from '../../../src/engine';
import { labProblems, LONG_T } from '../../../src/checker/oracle/problems';
import { taskCases } from '../../../src/checker/oracle/taskCases';
import { HINT_CODES } from '../../../src/lesson/hintCodes';
import { repoRoot } from '../../support/repoRoot';

// The user documentation against the real thing: the BUILT command line's --help (npm run test:unit
// builds dist/ first), the checker's hint codes, and the files the links point to.
const ROOT = repoRoot();
const CLI = join(ROOT, 'dist', 'cli.js');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const DOCS = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
const MARKDOWN = ['README.md', ...DOCS];

function help(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args, '--help'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, `rnn-lab ${args.join(' ')} --help: ${r.stderr}`);
  return r.stdout;
}

/** The command names `rnn-lab --help` lists, e.g. `  check     check the five …`. */
function commandNames(overview: string): string[] {
  const after = overview.slice(overview.indexOf('Commands:'));
  return [...after.matchAll(/^ {2}([a-z]+) {2,}/gm)].map((m) => m[1]);
}

const optionsIn = (text: string): Set<string> => new Set(text.match(/--[a-z][a-z-]*[a-z]/g) ?? []);

/** The text of a Markdown file outside its fenced code blocks. */
function prose(markdown: string): string {
  return markdown.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n');
}

/** `## \`rnn-lab check\`` → the text up to the next `## ` heading, per command. */
function commandSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = markdown.split(/^## /m);
  for (const part of parts.slice(1)) {
    const m = /^`rnn-lab ([a-z]+)`\s*\n/.exec(part);
    if (m) sections.set(m[1], part);
  }
  return sections;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2, … */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6} +(.+?) *$/gm)) {
    const base = m[1].toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe('docs/cli.md and the command line agree', () => {
  const overview = help();
  const names = commandNames(overview);
  const cliMd = read('docs/cli.md');
  const sections = commandSections(cliMd);
  const helps = new Map(names.map((name) => [name, help(name)]));

  test('the overview lists the six commands', () => {
    assert.deepEqual([...names].sort(), ['bench', 'check', 'demo', 'engine', 'grade', 'scaffold']);
  });

  test('every command has its own section in docs/cli.md, and nothing else does', () => {
    assert.deepEqual([...sections.keys()].sort(), [...names].sort());
  });

  for (const name of names) {
    test(`rnn-lab ${name}: every option docs/cli.md names is in its --help, and every option of its --help is documented`, () => {
      const documented = optionsIn(sections.get(name) ?? '');
      const offered = optionsIn(helps.get(name) ?? '');
      assert.deepEqual([...documented].filter((o) => !offered.has(o)), [], `named in docs/cli.md but not in rnn-lab ${name} --help`);
      assert.deepEqual([...offered].filter((o) => !documented.has(o)), [], `in rnn-lab ${name} --help but not in its section of docs/cli.md`);
    });
  }

  test('every `rnn-lab <command> …` written in the README and docs uses options that command has', () => {
    const wrong: string[] = [];
    for (const file of MARKDOWN) {
      for (const line of read(file).split('\n')) {
        // An invocation runs to the end of its code span (or line): `rnn-lab check my-lab --json`.
        for (const m of line.matchAll(/rnn-lab ([a-z]+)([^`|]*)/g)) {
          const text = helps.get(m[1]);
          if (text === undefined) continue;
          for (const option of optionsIn(m[2])) if (!optionsIn(text).has(option)) wrong.push(`${file}: rnn-lab ${m[1]} ${option}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('the classroom template\'s points are the total docs/cli.md states', () => {
    const grading = JSON.parse(read('media/classroom-template/.github/classroom/autograding.json')) as { tests: { points: number }[] };
    const total = grading.tests.reduce((sum, t) => sum + t.points, 0);
    assert.match(cliMd, new RegExp(`one test per task, ${total} points in all`));
  });

  test('the options outside the command sections exist in some --help', () => {
    const preamble = prose(cliMd.split(/^## /m)[0]);
    const all = optionsIn([overview, ...helps.values()].join('\n'));
    assert.deepEqual([...optionsIn(preamble)].filter((o) => !all.has(o)), []);
  });
});

describe('docs/lab-api.md documents every hint code', () => {
  const labApi = read('docs/lab-api.md');
  const rows = new Set([...labApi.matchAll(/^\| `([a-z-]+)` \| /gm)].map((m) => m[1]));

  test('each code of src/lesson/hintCodes.ts has a row in the hint table', () => {
    assert.deepEqual(HINT_CODES.filter((code) => !rows.has(code)), []);
  });

  test('every row of the hint table is a real code', () => {
    const table = labApi.slice(labApi.indexOf('| hint | the mistake |'));
    const listed = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| `([a-z-]+)` \| /gm)].map((m) => m[1]);
    assert.equal(listed.length, HINT_CODES.length);
    assert.deepEqual(listed.filter((code) => !(HINT_CODES as readonly string[]).includes(code)), []);
  });

  test('the numbers it states are the checker\'s', () => {
    assert.equal(AGREEMENT_RELATIVE.toExponential(), '1e-6');
    assert.match(labApi, /‖got − expected‖ ≤ 1e-6 · ‖expected‖/);
    assert.match(labApi, new RegExp(`a long sequence: T = ${LONG_T} `));
    assert.match(labApi, new RegExp(`default ${DEFAULT_TIMEOUT_MS / 1000} s per task`));
    const seeds = labProblems().flatMap((p) => /\(seed (\d+)\)/.exec(p.label)?.[1] ?? []).map(Number);
    assert.match(labApi, new RegExp(`seeds ${Math.min(...seeds)} to ${Math.max(...seeds)}\\)`));
    const rates = new Set(taskCases('trainStep', labProblems()).map((c) => c.args[4]));
    assert.deepEqual([...rates], [0.1]);
    assert.match(labApi, /`lr` 0\.1\s/);
  });

  test('the README states the worker\'s memory limits the checker uses', () => {
    // The resident-memory ceiling is twice the heap limit (src/checker/host/sandbox.ts).
    assert.match(read('src/checker/host/sandbox.ts'), /const ceiling = 2 \* this\.options\.memoryLimitMb \* 1024 \* 1024;/);
    const readme = read('README.md').replace(/\s+/g, ' ');
    assert.ok(readme.includes(`heap limit of ${DEFAULT_MEMORY_LIMIT_MB} MB (\`--max-old-space-size\`;`), 'the heap limit');
    assert.match(readme, /plus a watch on its resident memory, at most twice that/);
  });

  test('the section on what a lab may touch has the title the checker points to', () => {
    assert.match(labApi, /^## What your code may touch$/m);
  });
});

describe("the README's Layout shows every folder", () => {
  /** The folders of the Layout block, as paths: each line's first word, nested by two-space indents. */
  function layoutFolders(): Set<string> {
    const readme = read('README.md');
    const block = readme.slice(readme.indexOf('### Layout'));
    const lines = block.slice(block.indexOf('```\n') + 4, block.indexOf('\n```', block.indexOf('```\n') + 4)).split('\n');
    const stack: string[] = [];
    const out = new Set<string>();
    for (const line of lines) {
      const m = /^( *)(\S+\/)(?: |$)/.exec(line);
      if (!m) continue;
      const depth = m[1].length / 2;
      stack.length = depth;
      stack.push(m[2].replace(/\/$/, ''));
      out.add(stack.join('/'));
    }
    return out;
  }

  /** The folders below `dir`, `levels` deep (Infinity: all). */
  function foldersUnder(dir: string, levels: number): string[] {
    if (levels === 0) return [];
    return readdirSync(join(ROOT, dir), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => [`${dir}/${e.name}`, ...foldersUnder(`${dir}/${e.name}`, levels - 1)]);
  }

  const shown = layoutFolders();
  const ignored = new Set(read('.gitignore').split('\n').map((l) => l.trim().replace(/\/$/, '')));
  const topLevel = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== '.git' && !ignored.has(e.name))
    .map((e) => e.name);

  test('every top-level folder, every folder of src/ and webview/, and the folders one level inside the others', () => {
    const expected = topLevel.flatMap((d) => [d, ...foldersUnder(d, d === 'src' || d === 'webview' ? Infinity : 1)]);
    assert.deepEqual(expected.filter((d) => !shown.has(d)), []);
  });

  test('every folder it shows exists', () => {
    assert.deepEqual([...shown].filter((d) => !existsSync(join(ROOT, d))), []);
  });
});

describe('every relative link in README.md and docs/*.md resolves', () => {
  for (const file of MARKDOWN) {
    test(file, () => {
      const broken: string[] = [];
      for (const m of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:
        const [path, anchor] = target.split('#', 2);
        const resolved = path === '' ? join(ROOT, file) : join(ROOT, dirname(file), decodeURIComponent(path));
        if (!resolved.startsWith(ROOT) || !existsSync(resolved)) {
          broken.push(`${target} (no ${relative(ROOT, resolved)})`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && statSync(resolved).isFile() && !anchors(readFileSync(resolved, 'utf8')).has(anchor)) {
          broken.push(`${target} (no heading for #${anchor})`);
        }
      }
      assert.deepEqual(broken, []);
    });
  }
});

describe('the documents the README links to ship in the extension', () => {
  // The package keeps the README's links relative (they open inside the installed extension), so every
  // file they reach must be on the allow-list of .vscodeignore.
  const allowed = read('.vscodeignore').split('\n').filter((l) => l.startsWith('!')).map((l) => globToRegExp(l.slice(1).trim()));
  const shipped = (file: string): boolean => allowed.some((re) => re.test(file));

  test('every relative link of the README and of what it links to stays inside the package', () => {
    const missing: string[] = [];
    for (const file of MARKDOWN) {
      if (!shipped(file)) continue;
      for (const m of prose(read(file)).matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
        if (/^[a-z]+:/i.test(m[1])) continue;
        const target = relative(ROOT, join(ROOT, dirname(file), decodeURIComponent(m[1])));
        if (!shipped(target)) missing.push(`${file} → ${target}`);
      }
    }
    assert.ok(shipped('README.md'));
    assert.deepEqual(missing, []);
  });
});

/** A .vscodeignore pattern (`*` within a folder, `**` across folders) as an anchored regular expression. */
function globToRegExp(glob: string): RegExp {
  const body = glob.split('**').map((part) => part.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')).join('.*');
  return new RegExp(`^${body}$`);
}

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoRoot } from '../../support/repoRoot';

/**
 * The README's Layout as lint rules (eslint.config.mjs): snippets that cross a layer's boundary are
 * reported, and their legal neighbours are not, so the rules can fail and do not forbid everything.
 */

interface LintMessage { ruleId: string | null; message: string }
interface Linter { lintText(code: string, options: { filePath: string }): Promise<{ messages: LintMessage[] }[]> }

async function linter(): Promise<Linter> {
  // Loaded at run time from the installed package (the test bundle does not carry ESLint).
  const name = 'eslint';
  const { ESLint } = (await import(name)) as { ESLint: new (options: { cwd: string }) => Linter };
  return new ESLint({ cwd: repoRoot() });
}

async function importErrors(eslint: Linter, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: readonly { file: string; code: string; reported: RegExp | null }[] = [
  { file: 'src/engine/probe.ts', code: "import { x } from '../lesson';", reported: /The engine imports nothing of the project/ },
  { file: 'src/engine/fast/probe.ts', code: "import { x } from '../params';", reported: null },
  { file: 'src/engine/probe.ts', code: "import { x } from 'vscode';", reported: /Only src\/extension\/\*\* may import vscode/ },
  { file: 'src/extension/probe.ts', code: "import { x } from 'vscode';", reported: null },
  { file: 'src/extension/probe.ts', code: "import { x } from '../../webview/plot/main';", reported: /only through src\/protocol/ },
  { file: 'src/lesson/probe.ts', code: "import { x } from '../engine';", reported: /The lesson imports nothing but the lesson/ },
  { file: 'src/lesson/probe.ts', code: "import { x } from './demos';", reported: null },
  { file: 'src/demos/probe.ts', code: "import { x } from '../checker/oracle/agreement';", reported: /The demos compute from the engine and the lesson only/ },
  { file: 'src/demos/probe.ts', code: "import { x } from '../engine';", reported: null },
  { file: 'webview/plot/probe.ts', code: "import { x } from '../../src/checker/oracle/agreement';", reported: /The webviews import the protocol, the engine/ },
  { file: 'webview/plot/probe.ts', code: "import { x } from '../../src/demos/compare';", reported: null },
  { file: 'src/protocol/probe.ts', code: "import { x } from '../checker/report';", reported: null },
  { file: 'src/protocol/probe.ts', code: "import { x } from '../checker/host/check';", reported: /only src\/checker\/report\.ts/ },
  { file: 'src/protocol/probe.ts', code: "import type { x } from '../engine';", reported: null },
  { file: 'src/protocol/probe.ts', code: "import { x } from '../engine';", reported: /only the types of the engine/ },
  { file: 'src/protocol/probe.ts', code: "import { x } from '../demos/probeProblem';", reported: /The protocol may import the lesson/ },
  { file: 'src/checker/oracle/probe.ts', code: "import { x } from '../host/limits';", reported: /The oracle is pure/ },
  { file: 'src/checker/host/probe.ts', code: "import { x } from '../worker/run';", reported: null },
  { file: 'src/cli/probe.ts', code: "import { x } from './bench/runBench';", reported: null },
  { file: 'src/cli/probe.ts', code: "import { x } from '../extension/extension';", reported: /The command line uses the checker/ },
  { file: 'bench/probe.ts', code: "import { x } from '../test/webview/harness';", reported: /it imports src, not the tests/ },
  { file: 'bench/probe.ts', code: "import { x } from '../src/engine';", reported: null },
];

test('each layer may import only what the Layout says (lint reports the rest)', async () => {
  const eslint = await linter();
  for (const c of cases) {
    const errors = await importErrors(eslint, c.file, c.code);
    if (c.reported === null) assert.deepEqual(errors, [], `${c.file}: ${c.code} should be allowed`);
    else {
      assert.equal(errors.length, 1, `${c.file}: ${c.code} should be reported once, got ${JSON.stringify(errors)}`);
      assert.match(errors[0], c.reported, `${c.file}: ${c.code}`);
    }
  }
});

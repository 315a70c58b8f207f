// Lint: typescript-eslint's recommended rules, plus the layering of the README's Layout made a check:
// each folder may import only the folders its data flows from (`no-restricted-imports`, one entry
// per folder), and only src/extension/** may import 'vscode' (tests of the extension inside VS Code
// are the other exception).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const VSCODE = { name: 'vscode', message: 'Only src/extension/** may import vscode (see Developing in the README).' };

/**
 * An import of one of the project's top-level folders (or src/ layers), by name: `../lesson`,
 * `../../src/checker/report`, `./cli`. Folder names are unique across the layers, so the name is
 * enough whichever depth the import climbs from.
 */
function into(folders, message, extra = {}) {
  return { folders, regex: `(^|/)(${folders.join('|')})(/|$)`, message, ...extra };
}

/**
 * `src/cli/**` and `src/extension/**` reach the checker only through its face, src/checker/index.ts:
 * one more pattern for their entries below, once every such import goes through the index.
 */
export const CHECKER_ONLY_THROUGH_INDEX = {
  regex: '(^|/)checker/(?!index$)',
  message: 'The command line and VS Code use the checker through its face, src/checker/index.ts.',
};

const LAYOUT = 'see the Layout in the README';
const CHECKER_SAYS = `The checker imports the engine and the lesson only (${LAYOUT}).`;
const PROTOCOL_SAYS = `The protocol may import the lesson, the engine's types and src/checker/report.ts (${LAYOUT}).`;

/**
 * What each folder may not import. One `no-restricted-imports` entry per folder: two entries of the
 * same rule for the same file do not merge (the last wins), so every entry carries the vscode path
 * too (except the extension's, which may import it).
 */
const LAYERS = {
  'src/engine/**/*.ts': [into(['lesson', 'protocol', 'demos', 'checker', 'cli', 'extension', 'webview', 'bench', 'test', 'media'], `The engine imports nothing of the project (${LAYOUT}).`)],
  // The lesson is one flat folder of plain data: nothing above it.
  'src/lesson/**/*.ts': [{ regex: '^\\.\\./', message: `The lesson imports nothing but the lesson (${LAYOUT}).` }],
  'src/protocol/**/*.ts': [
    into(['demos', 'cli', 'extension', 'webview', 'bench', 'test'], PROTOCOL_SAYS),
    into(['engine'], 'The protocol may import only the types of the engine (import type).', { allowTypeImports: true }),
    { regex: '(^|/)checker(/(?!report$)|$)', message: 'Of the checker, the protocol may import only src/checker/report.ts (its vocabulary).' },
  ],
  'src/demos/**/*.ts': [into(['protocol', 'checker', 'cli', 'extension', 'webview', 'bench', 'test'], `The demos compute from the engine and the lesson only (${LAYOUT}).`)],
  'src/checker/**/*.ts': [into(['protocol', 'demos', 'cli', 'extension', 'webview', 'bench', 'test'], CHECKER_SAYS)],
  // The oracle is pure: it never reaches into the checker's processes.
  'src/checker/oracle/**/*.ts': [
    into(['protocol', 'demos', 'cli', 'extension', 'webview', 'bench', 'test'], CHECKER_SAYS),
    into(['host', 'worker'], 'The oracle is pure: it imports neither the checker\'s host nor its worker.'),
  ],
  'src/{cli.ts,cli/**/*.ts}': [
    into(['protocol', 'extension', 'webview', 'test'], `The command line uses the checker, the demos, the engine and the lesson (${LAYOUT}).`),
    // src/cli/bench is the command line's own; the repository's bench/ is two folders up.
    { regex: '^(\\.\\./){2,}bench(/|$)', message: `The command line does not import the benchmark (${LAYOUT}).` },
  ],
  'src/extension/**/*.ts': [into(['webview', 'bench', 'test'], `The extension host talks to the webviews only through src/protocol (${LAYOUT}).`)],
  'webview/**/*.ts': [into(['checker', 'extension', 'cli', 'bench', 'test'], `The webviews import the protocol, the engine, the lesson and the demos only (${LAYOUT}).`)],
  'bench/**/*.ts': [into(['test'], `The benchmark measures the product: it imports src, not the tests (${LAYOUT}).`)],
};
const MAY_IMPORT_VSCODE = new Set(['src/extension/**/*.ts']);

/**
 * Known crossings that other pieces of work are removing; each file is exempt from that one folder only.
 * - src/checker/oracle/verdicts.ts imports the host (pending: the checker's one-directional oracle).
 * - src/checker/host/grade/classSummary.ts builds the class view's protocol type (pending: grading
 *   behind the checker's face).
 * - src/protocol/{messages,plotState}.ts take ProbeControls from src/demos/probeProblem.ts (pending:
 *   the protocol's own schema of the plot's controls).
 */
const PENDING = [
  { file: 'src/checker/oracle/verdicts.ts', layer: 'src/checker/oracle/**/*.ts', folder: 'host' },
  { file: 'src/checker/host/grade/classSummary.ts', layer: 'src/checker/**/*.ts', folder: 'protocol' },
  { file: 'src/protocol/messages.ts', layer: 'src/protocol/**/*.ts', folder: 'demos' },
  { file: 'src/protocol/plotState.ts', layer: 'src/protocol/**/*.ts', folder: 'demos' },
];

function restricted(patterns, vscode) {
  const rule = patterns.map((p) => {
    const pattern = { ...p };
    delete pattern.folders;
    return pattern;
  });
  return { 'no-restricted-imports': ['error', { paths: vscode ? [] : [VSCODE], patterns: rule }] };
}

function without(patterns, folder) {
  return patterns.flatMap((p) => {
    if (!p.folders?.includes(folder)) return [p];
    const rest = p.folders.filter((f) => f !== folder);
    return rest.length === 0 ? [] : [into(rest, p.message, p.allowTypeImports ? { allowTypeImports: true } : {})];
  });
}

function layerEntries() {
  const entries = Object.entries(LAYERS).map(([files, patterns]) => ({ files: [files], rules: restricted(patterns, MAY_IMPORT_VSCODE.has(files)) }));
  for (const p of PENDING) {
    entries.push({ files: [p.file], rules: restricted(without(LAYERS[p.layer], p.folder), MAY_IMPORT_VSCODE.has(p.layer)) });
  }
  return entries;
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'media/lab-template/**', 'test/fixtures/labs/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      ...restricted([], false),
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-eval': 'error',
    },
  },
  ...layerEntries(),
  { files: ['test/integration/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The CLI, scripts and test runners talk to a terminal.
  { files: ['src/cli.ts', 'src/cli/**/*.ts', 'test/**/*.ts', 'scripts/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// Lint: typescript-eslint's recommended rules, plus the layering rule: only src/extension/** may
// import 'vscode' (tests of the extension inside VS Code are the other exception).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'Only src/extension/** may import vscode (see Developing in the README).' }],
  }],
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'media/lab-template/**', 'test/fixtures/labs/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      ...noVscode,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-eval': 'error',
    },
  },
  { files: ['src/extension/**/*.ts', 'test/integration/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  // The CLI, scripts and test runners talk to a terminal.
  { files: ['src/cli.ts', 'src/cli/**/*.ts', 'test/**/*.ts', 'scripts/**'], rules: { 'no-console': 'off' } },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

// One formatting and correctness voice for the TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/node_modules/**', 'bench/.work/**', '.vscode-test/**', 'test/e2e/.work/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      // Escaping [ and - inside character classes reads more clearly than relying on position.
      'no-useless-escape': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The pure core: no editor, no connection, no file system, no process.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'node:*', 'fs', 'path', 'child_process'] }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
);

// Lint: typescript-eslint's recommended rules, plus the architecture: the engine is pure (no editor,
// no connection, no file system) and shared/ imports nothing from client or server.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Files a reviewer can read in one sitting: product code stays under 400 lines a file.
    files: ['client/src/**/*.ts', 'server/src/**/*.ts', 'shared/**/*.ts', 'bin/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    // Generated from the key tree (scripts/generate.mjs): one line per key, read by no one.
    files: ['server/src/engine/catalogue/keyPaths.ts'],
    rules: { 'max-lines': 'off' },
  },
  {
    // Scripts that drive a browser pass functions to page.evaluate: they run in the page.
    files: ['test/e2e/**/*.mjs', 'test/browser/**/*.mjs', 'client/media/**/*.js'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['server/src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'vscode',
            'vscode-languageserver',
            'vscode-languageserver/node',
            'fs',
            'node:fs',
            'fs/promises',
            'node:fs/promises',
            'child_process',
            'node:child_process',
          ],
          patterns: [
            {
              group: ['**/client/**', '**/startServer', '**/server'],
              message: 'The engine is pure: it must not reach into the server or the client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/client/**', '**/server/**', 'vscode'],
              message: 'shared/ holds types and request constants only.',
            },
          ],
        },
      ],
    },
  },
);

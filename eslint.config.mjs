// Lint rules also enforce the dependency direction of house-style.md: core imports nothing of the
// editor, the server or the DOM; webviews and the client reach the server only through the
// protocol files in core/src/protocol.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', '.mlguide-cache/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-console': 'error',
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after'] },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['vscode', 'vscode-*', 'node:*', 'fs', 'path'], message: 'core/ is pure: no editor, LSP or I/O.' },
        { group: ['**/server/**', '**/client/**', '**/webviews/**'], message: 'core/ depends on nothing else.' },
      ]),
    },
  },
  {
    files: ['webviews/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          // VS Code's web components (@vscode-elements) are browser code, made for webviews.
          group: ['vscode', 'vscode-*', '!@vscode-elements/**', 'node:*'],
          message: 'Webviews run in a browser sandbox.',
        },
        {
          group: ['**/server/**', '**/client/**'],
          message: 'Webviews talk to the host only through core/src/protocol.',
        },
      ]),
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['**/server/**', '**/webviews/**'], message: 'The client reaches the server only over LSP.' },
      ]),
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        {
          group: ['vscode', '**/client/**', '**/webviews/**'],
          message: 'The server knows nothing of the VS Code API.',
        },
      ]),
    },
  },
  { files: ['**/*.mjs', '**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);

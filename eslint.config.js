import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.bench/**', 'tmp/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**', 'test/widgets/dist/**', 'test/lab/*/.work/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      // Security invariant §3.6: no eval or string-built code anywhere.
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', document: 'readonly', window: 'readonly', history: 'readonly', location: 'readonly', fetch: 'readonly', HTMLInputElement: 'readonly', Event: 'readonly', KeyboardEvent: 'readonly', URLSearchParams: 'readonly', Intl: 'readonly', TextEncoder: 'readonly', crypto: 'readonly', performance: 'readonly', Buffer: 'readonly' } },
    rules: { 'no-eval': 'error', 'no-new-func': 'error' },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'test-results/', 'build/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  // Each folder imports only the folders below it (docs/architecture.md); frameworks stay at the edges.
  {
    files: ['src/playbook/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '@microsoft/*', '**/store/*', '**/teams/*', '**/cards/*', '**/door/*', '**/chat/*', '**/reminders/*', '**/tenant/*'] },
      ],
    },
  },
  {
    files: ['src/door/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '@microsoft/*', '**/store/*', '**/teams/*', '**/cards/*', '**/chat/*', '**/reminders/*', '**/tenant/*'] },
      ],
    },
  },
  {
    files: ['src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '@microsoft/*', '**/store/*', '**/teams/*', '**/chat/*', '**/reminders/*', '**/tenant/*'] },
      ],
    },
  },
  {
    files: ['src/chat/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder*', 'restify*', '@azure/*', '@microsoft/*', '**/teams/*'] }],
    },
  },
  // Microsoft Graph stays in src/tenant: it reads tenants and knows nothing of Teams, cards or the store.
  {
    files: ['src/tenant/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '**/store/*', '**/teams/*', '**/cards/*', '**/door/*', '**/chat/*', '**/reminders/*'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
);

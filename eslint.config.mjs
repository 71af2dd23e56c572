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
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '**/store/*', '**/teams/*', '**/cards/*', '**/door/*', '**/chat/*', '**/reminders/*'] },
      ],
    },
  },
  {
    files: ['src/door/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '**/store/*', '**/teams/*', '**/cards/*', '**/chat/*', '**/reminders/*'] },
      ],
    },
  },
  {
    files: ['src/cards/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['botbuilder*', 'restify*', '@azure/*', '**/store/*', '**/teams/*', '**/chat/*', '**/reminders/*'] },
      ],
    },
  },
  {
    files: ['src/chat/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['botbuilder*', 'restify*', '@azure/*', '**/teams/*'] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' } },
  },
);

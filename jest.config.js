/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: '<rootDir>/test/support/environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { target: 'es2022', parser: { syntax: 'typescript' } },
        // Under `jest --coverage`, swc instruments src/ itself (istanbul counters).
        experimental: { customCoverageInstrumentation: { enabled: true } },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  // `jest --coverage` (npm test): coverage of the product code. src/index.ts is left out: it is the
  // process entry, run by test/process.test.ts as `npm start` runs it, in a child process that
  // coverage does not see.
  collectCoverageFrom: ['src/**/*.ts', '!src/index.ts'],
  coverageReporters: ['text-summary'],
  coverageThreshold: { global: { statements: 95, branches: 90 } },
};

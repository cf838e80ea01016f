/** One jest config for the repo: a project per workspace, sharing one PostgreSQL. */
const { readdirSync, existsSync } = require('node:fs');
const { resolve } = require('node:path');

const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const workspaces = ['packages', 'services', 'apps'].flatMap((dir) =>
  readdirSync(dir).map((name) => `${dir}/${name}`),
);

module.exports = {
  transform,
  globalSetup: '<rootDir>/packages/test-kit/src/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/test-kit/src/jest-global-teardown.ts',
  reporters: ['default', '<rootDir>/packages/test-kit/src/jest-closing-line-reporter.js'],
  projects: workspaces
    .filter((dir) => existsSync(`${dir}/src`))
    .map((dir) => ({
      displayName: dir.split('/')[1],
      rootDir: `<rootDir>/${dir}`,
      // Node's, plus: the databases a test file creates are dropped after it.
      testEnvironment: resolve('packages/test-kit/src/jest-environment.ts'),
      transform,
      testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.(dapr|cluster)\\.test\\.ts$'],
    })),
  testTimeout: 30000,
};

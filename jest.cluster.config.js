/** `npm run test:cluster`: the chart on the cluster scripts/cluster makes (see scripts/test-cluster.sh). */
const base = require('./jest.config');

module.exports = {
  ...base,
  // The platform and its PostgreSQL are the cluster's: no test database server of our own.
  globalSetup: undefined,
  globalTeardown: undefined,
  projects: base.projects
    .filter((project) => project.displayName === 'platform')
    .map((project) => ({
      ...project,
      // The end-to-end journeys and the money ledger, unchanged, through the Ingress; then what
      // only a cluster shows (pods deleted, helm upgrade, NetworkPolicies).
      testMatch: [
        '<rootDir>/test/checkout-journeys.test.ts',
        '<rootDir>/test/one-charge-per-purchase.test.ts',
        '<rootDir>/test/**/*.cluster.test.ts',
      ],
      testPathIgnorePatterns: [],
    })),
  testTimeout: 60000,
};

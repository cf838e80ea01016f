/** `npm run test:dapr`: tests against the real daprd, RabbitMQ and PostgreSQL (see scripts/provision). */
const base = require('./jest.config');

module.exports = {
  ...base,
  projects: base.projects.map((project) => ({
    ...project,
    // The dapr-only proofs, and the end-to-end journeys run unchanged against start:dapr.
    testMatch: ['<rootDir>/test/**/*.dapr.test.ts', '<rootDir>/test/checkout-journeys.test.ts'],
    testPathIgnorePatterns: [],
  })),
  testTimeout: 60000,
};

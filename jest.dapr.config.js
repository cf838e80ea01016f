/** `npm run test:dapr`: tests against the real daprd, RabbitMQ and PostgreSQL (see scripts/provision). */
const base = require('./jest.config');

module.exports = {
  ...base,
  projects: base.projects.map((project) => ({
    ...project,
    testMatch: ['<rootDir>/test/**/*.dapr.test.ts'],
    testPathIgnorePatterns: [],
  })),
  testTimeout: 60000,
};

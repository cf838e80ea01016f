/** `npm run test:dapr`: tests against the real daprd, RabbitMQ and PostgreSQL (see scripts/provision). */
const base = require('./jest.config');

module.exports = {
  ...base,
  projects: base.projects.map((project) => ({
    ...project,
    // The dapr-only proofs, and the end-to-end journeys, money faults, installments, coupons, PIX, refunds,
    // pages, reminders, access, receipts, the sign-in back-off, the abuse limits, security headers, tracing
    // and metrics run unchanged against start:dapr, where the broker, the edge and the sidecars' retries matter.
    testMatch: [
      '<rootDir>/test/**/*.dapr.test.ts',
      '<rootDir>/test/checkout-journeys.test.ts',
      '<rootDir>/test/one-charge-per-purchase.test.ts',
      '<rootDir>/test/installments.test.ts',
      '<rootDir>/test/coupons.test.ts',
      '<rootDir>/test/pix.test.ts',
      '<rootDir>/test/refunds.test.ts',
      '<rootDir>/test/pages-and-cors.test.ts',
      '<rootDir>/test/lead-reminders.test.ts',
      '<rootDir>/test/abuse-limits.test.ts',
      '<rootDir>/test/receipts-and-history.test.ts',
      '<rootDir>/test/access-recovery.test.ts',
      '<rootDir>/test/sign-in-limits.test.ts',
      '<rootDir>/test/security-headers-and-methods.test.ts',
      '<rootDir>/test/tracing.test.ts',
      '<rootDir>/test/metrics.test.ts',
    ],
    testPathIgnorePatterns: [],
  })),
  testTimeout: 60000,
};

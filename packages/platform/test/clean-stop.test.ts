import { buyCourse, startTestPlatform, testCards } from '@checkout/test-kit';

/** `npm start` on the operator's PostgreSQL and SMTP server stops as it is asked to. */
describe('npm start with DATABASE_URL and SMTP_URL', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'exits 0 on %s after serving a purchase',
    async (signal) => {
      const platform = await startTestPlatform();
      try {
        const journey = await buyCourse(platform.api, { cardNumber: testCards.approved });
        await platform.sink.waitFor((e) => e.to.includes(journey.studentEmail));
        expect(await platform.process.stop(signal)).toBe(0);
      } finally {
        await platform.stop();
      }
    },
    120_000,
  );
});

import { PortalAccessGranted } from '@checkout/contracts';
import type { SmtpSink } from '@checkout/local-infra';
import { eventMessage, waitUntil } from '@checkout/test-kit';
import {
  accessGranted,
  downSmtpServer,
  startNotification,
  startReplica,
} from './notification-under-test';

/** Long enough for several retries of each e-mail under the test policy (0.2 s doubling to 2 s). */
const outageMs = Number(process.env.EMAIL_OUTAGE_MS ?? 12_000);

const pendingRows = (notification: Awaited<ReturnType<typeof startNotification>>) =>
  notification.orm.em
    .fork()
    .execute<{ status: string; attempts: number; last_error: string | null; data: unknown }[]>(
      'select status, attempts, last_error, data from notification.email_delivery',
    );

describe('e-mail delivery', () => {
  it(
    'when the SMTP server is down, every e-mail goes out once after it returns, with no one stepping in',
    async () => {
      const smtp = await downSmtpServer();
      const notification = await startNotification(smtp.url);
      const replica = await startReplica(
        String(notification.orm.config.get('clientUrl')),
        smtp.url,
      );
      let sink: SmtpSink | undefined;
      try {
        const events = Array.from({ length: 20 }, (_, i) =>
          eventMessage(PortalAccessGranted, accessGranted(`outage-${i}`)),
        );
        const publishedAt = Date.now();
        for (const event of events) await notification.bus.publish(event);
        // Each event is answered once its e-mail is queued: nothing waits for the SMTP server.
        expect(Date.now() - publishedAt).toBeLessThan(2000);

        await new Promise((resolve) => setTimeout(resolve, outageMs));
        const duringOutage = await pendingRows(notification);
        expect(duringOutage).toHaveLength(20);
        expect(Math.min(...duringOutage.map((row) => row.attempts))).toBeGreaterThanOrEqual(3);

        sink = await smtp.bringUp();
        const returnedAt = Date.now();
        await waitUntil('20 e-mails', () => (sink!.emails.length >= 20 ? true : undefined), 15_000);
        const recoveryMs = Date.now() - returnedAt;
        await waitUntil('an empty queue', async () =>
          (await pendingRows(notification)).length === 0 ? true : undefined,
        );
        await new Promise((resolve) => setTimeout(resolve, 1000)); // room for a duplicate to show
        const recipients = sink.emails.map((email) => email.to.join());
        expect(new Set(recipients).size).toBe(20);
        expect(recipients).toHaveLength(20);
        const sent = await notification.orm.em
          .fork()
          .execute('select event_id from notification.sent_email');
        expect(sent).toHaveLength(20);
        console.info(`SMTP outage ${outageMs} ms: 20 e-mails ${recoveryMs} ms after it returned`);
      } finally {
        await replica.stop();
        await notification.stop();
        await sink?.stop();
      }
    },
    60_000 + outageMs,
  );

  it('a recipient the server refuses is recorded once and not retried; the others still go out', async () => {
    const smtp = await downSmtpServer({ rejectRecipient: (to) => to.startsWith('student-gone') });
    const sink = await smtp.bringUp();
    const notification = await startNotification(smtp.url);
    try {
      for (const n of ['gone', 'here-1', 'here-2'])
        await notification.bus.publish(eventMessage(PortalAccessGranted, accessGranted(n)));
      await waitUntil('the two deliverable e-mails', () =>
        sink.emails.length === 2 ? true : undefined,
      );
      await new Promise((resolve) => setTimeout(resolve, 1500)); // several retry delays
      expect(await pendingRows(notification)).toEqual([
        { status: 'failed', attempts: 1, last_error: 'EENVELOPE 550', data: null },
      ]);
      expect(sink.emails.map((email) => email.to.join()).sort()).toEqual([
        'student-here-1@example.com',
        'student-here-2@example.com',
      ]);
    } finally {
      await notification.stop();
      await sink.stop();
    }
  });
});

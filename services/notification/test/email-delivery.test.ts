import { PortalAccessGranted } from '@checkout/contracts';
import type { SmtpSink } from '@checkout/local-infra';
import { eventMessage, expectSteadyFor, waitUntil } from '@checkout/test-kit';
import {
  accessGranted,
  downSmtpServer,
  startNotification,
  startReplica,
} from './notification-under-test';

const pendingRows = (notification: Awaited<ReturnType<typeof startNotification>>) =>
  notification.orm.em
    .fork()
    .execute<{ status: string; attempts: number; last_error: string | null; data: unknown }[]>(
      'select status, attempts, last_error, data from notification.email_delivery',
    );

describe('e-mail delivery', () => {
  it('when the SMTP server is down, every e-mail goes out once after it returns, with no one stepping in', async () => {
    const smtp = await downSmtpServer();
    const notification = await startNotification(smtp.url);
    const replica = await startReplica(String(notification.orm.config.get('clientUrl')), smtp.url);
    let sink: SmtpSink | undefined;
    try {
      const events = Array.from({ length: 20 }, (_, i) =>
        eventMessage(PortalAccessGranted, accessGranted(`outage-${i}`)),
      );
      const publishedAt = Date.now();
      for (const event of events) await notification.bus.publish(event);
      // Each event is answered once its e-mail is queued: nothing waits for the SMTP server.
      expect(await pendingRows(notification)).toHaveLength(20);

      // The outage lasts until each e-mail has failed three times (0.2 s doubling to 2 s).
      await waitUntil(
        'each of the 20 e-mails to fail three times while the SMTP server is down',
        async () => {
          const rows = await pendingRows(notification);
          return rows.length === 20 && rows.every((row) => row.attempts >= 3) ? true : undefined;
        },
        30_000,
      );
      const outageMs = Date.now() - publishedAt;

      sink = await smtp.bringUp();
      const returnedAt = Date.now();
      await waitUntil('20 e-mails', () => (sink!.emails.length >= 20 ? true : undefined), 15_000);
      const recoveryMs = Date.now() - returnedAt;
      await waitUntil('an empty queue', async () =>
        (await pendingRows(notification)).length === 0 ? true : undefined,
      );
      await expectSteadyFor('no e-mail sent twice', () => sink!.emails.length === 20, 1000);
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
  }, 60_000);

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
      const refused = [{ status: 'failed', attempts: 1, last_error: 'EENVELOPE 550', data: null }];
      const isRecordedOnce = async () =>
        JSON.stringify(await pendingRows(notification)) === JSON.stringify(refused);
      await waitUntil('the refused e-mail recorded as failed', async () =>
        (await isRecordedOnce()) ? true : undefined,
      );
      // Several retry delays of the test policy (0.2 s, 0.4 s, 0.8 s) go by without a retry.
      await expectSteadyFor('the refused e-mail never retried', isRecordedOnce, 1500);
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

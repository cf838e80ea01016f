import { CheckoutApproved, CheckoutDeclined, PortalAccessGranted } from '@checkout/contracts';
import { startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import type { ServiceRuntime } from '@checkout/service-kit';
import { eventMessage, waitUntil, type ServiceUnderTest } from '@checkout/test-kit';
import { accessGranted, startNotification } from './notification-under-test';

let sink: SmtpSink;
let notification: ServiceUnderTest<ServiceRuntime>;

beforeAll(async () => {
  sink = await startSmtpSink();
  notification = await startNotification(sink.url);
});
afterAll(async () => {
  await notification.stop();
  await sink.stop();
});

const query = (sql: string) => notification.orm.em.fork().execute(sql);

describe('e-mails', () => {
  it('sends the access e-mail with the activation link exactly once per event', async () => {
    const granted = eventMessage(PortalAccessGranted, accessGranted('ana', 'token-123'));
    await notification.bus.publish(granted);
    await notification.bus.publish(granted);
    const email = await sink.waitFor((e) => e.to.includes('student-ana@example.com'));
    expect(email.subject).toBe('Seu acesso ao curso Fundamentos de TypeScript');
    expect(email.text).toContain('https://cursos.example/activate?token=token-123');
    expect(email.html).toContain('https://cursos.example/activate?token=token-123');
    await waitUntil('the e-mail marked sent', async () =>
      (await query(`select 1 from notification.sent_email where event_id = '${granted.id}'`))
        .length === 1
        ? true
        : undefined,
    );
    expect(sink.emails.filter((e) => e.to.includes('student-ana@example.com'))).toHaveLength(1);
  });

  it('keeps the activation token only sealed, whether the e-mail is pending or sent', async () => {
    const sent = eventMessage(PortalAccessGranted, accessGranted('caio', 'tok-caio'));
    await notification.bus.publish(sent);
    await waitUntil('the e-mail marked sent', async () =>
      (await query(`select 1 from notification.sent_email where event_id = '${sent.id}'`))
        .length === 1
        ? true
        : undefined,
    );
    const rows = JSON.stringify(
      await query(`select t::text from notification.sent_email t
                   union all select t::text from notification.email_delivery t`),
    );
    expect(rows).toContain(sent.id); // the scan did read the sent e-mail's row
    expect(rows).not.toContain('tok-caio');

    const pending = await startNotification('smtp://127.0.0.1:9'); // nothing listens there
    try {
      await pending.bus.publish(eventMessage(PortalAccessGranted, accessGranted('bia', 'tok-bia')));
      const [row] = await pending.orm.em
        .fork()
        .execute(`select row_to_json(d)::text as row from notification.email_delivery d`);
      expect(row?.row).toContain('sealedActivationToken');
      expect(row?.row).not.toContain('tok-bia');
    } finally {
      await pending.stop();
    }
  });

  it('tells the payer why the payment was declined', async () => {
    await notification.bus.publish(
      eventMessage(CheckoutDeclined, {
        checkoutId: 'c-1',
        leadId: 'l-1',
        courseId: 'typescript-fundamentals',
        courseTitle: 'Fundamentos de TypeScript',
        cardToken: 'tok_1',
        amountCents: 29700,
        currency: 'BRL',
        payer: { name: 'Empresa X', email: 'payer@example.com' },
        declineReason: 'card_declined',
      }),
    );
    const email = await sink.waitFor((e) => e.to.includes('payer@example.com'));
    expect(email.text).toContain('o banco emissor recusou o cartão');
  });

  const approval = (n: string) => ({
    checkoutId: `c-${n}`,
    leadId: `l-${n}`,
    courseId: 'typescript-fundamentals',
    courseTitle: 'Fundamentos de TypeScript',
    cardToken: `tok_${n}`,
    amountCents: 123456,
    currency: 'BRL' as const,
    student: { name: `Aluna ${n}`, email: `student-${n}@example.com` },
  });

  it("sends the payer one receipt per approval, in the buyer's language", async () => {
    const approved = eventMessage(CheckoutApproved, {
      ...approval('receipt'),
      language: 'en',
      receipt: {
        payer: {
          type: 'company',
          name: 'Empresa X',
          email: 'receipt-payer@example.com',
          maskedDocument: '**.222.333/0001-**',
        },
        card: { brand: 'mastercard', last4: '4444' },
        approvedAt: '2025-03-01T13:00:00.000Z',
      },
    });
    await notification.bus.publish(approved);
    await notification.bus.publish(approved);
    const email = await sink.waitFor((e) => e.to.includes('receipt-payer@example.com'));
    expect(email.subject).toBe('Receipt: Fundamentos de TypeScript');
    for (const shown of [
      'R$1,234.56',
      'Mastercard ending in 4444',
      '**.222.333/0001-**',
      'c-receipt',
    ])
      expect(email.text).toContain(shown);
    await waitUntil('the receipt marked sent', async () =>
      (await query(`select 1 from notification.sent_email where event_id = '${approved.id}'`))
        .length === 1
        ? true
        : undefined,
    );
    expect(sink.emails.filter((e) => e.to.includes('receipt-payer@example.com'))).toHaveLength(1);
    expect(sink.emails.filter((e) => e.to.includes('student-receipt@example.com'))).toHaveLength(0);
  });

  it('sends no receipt for an approval without one (an earlier producer)', async () => {
    const approved = eventMessage(CheckoutApproved, approval('old'));
    // The in-process bus answers once the handler has: nothing was queued, nothing will be sent.
    await notification.bus.publish(approved);
    expect(
      await query(`select 1 from notification.email_delivery where event_id = '${approved.id}'
                   union all select 1 from notification.sent_email where event_id = '${approved.id}'`),
    ).toEqual([]);
  });
});

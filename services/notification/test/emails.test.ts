import { CheckoutDeclined, PortalAccessGranted } from '@checkout/contracts';
import { startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import { createSmtpMailer, type ServiceRuntime } from '@checkout/service-kit';
import { eventMessage, startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { createNotificationService, notificationDatabase } from '../src';

let sink: SmtpSink;
let notification: ServiceUnderTest<ServiceRuntime>;
const mailer = () => createSmtpMailer(sink.url, 'Cursos <no-reply@test.local>');

beforeAll(async () => {
  sink = await startSmtpSink();
  notification = await startServiceUnderTest(notificationDatabase, (context) =>
    createNotificationService({
      ...context,
      mailer: mailer(),
      settings: { publicUrl: 'https://cursos.example', language: 'pt-BR' },
    }),
  );
});
afterAll(async () => {
  await notification.stop();
  await sink.stop();
});

describe('e-mails', () => {
  it('sends the access e-mail with the activation link exactly once per event', async () => {
    const granted = eventMessage(PortalAccessGranted, {
      studentId: 's-1',
      courseTitle: 'Fundamentos de TypeScript',
      student: { name: 'Ana Souza', email: 'ana@example.com' },
      activationToken: 'token-123',
    });
    await notification.bus.publish(granted);
    await notification.bus.publish(granted);
    const email = await sink.waitFor((e) => e.to.includes('ana@example.com'));
    expect(email.subject).toBe('Seu acesso ao curso Fundamentos de TypeScript');
    expect(email.text).toContain('https://cursos.example/activate?token=token-123');
    expect(email.html).toContain('https://cursos.example/activate?token=token-123');
    expect(sink.emails.filter((e) => e.to.includes('ana@example.com'))).toHaveLength(1);
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

  it('does not count an e-mail as sent when the SMTP server refused it, so a redelivery sends it', async () => {
    const port = sink.port;
    await sink.stop();
    const granted = eventMessage(PortalAccessGranted, {
      studentId: 's-2',
      courseTitle: 'Curso',
      student: { name: 'Bia', email: 'bia@example.com' },
    });
    await notification.bus.publish(granted);
    sink = await startSmtpSink(port);
    await notification.bus.publish(granted);
    await sink.waitFor((e) => e.to.includes('bia@example.com'));
    expect(sink.emails).toHaveLength(1);
  });
});

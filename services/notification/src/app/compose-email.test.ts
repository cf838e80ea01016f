import { defaultRetryPolicy } from '../domain/retry-schedule';
import { composeEmail, recipientOf } from './compose-email';
import type { EmailContent } from './ports';

describe('composing an e-mail', () => {
  const settings = {
    publicUrl: 'http://localhost:8080',
    language: 'pt-BR' as const,
    retry: defaultRetryPolicy,
  };
  const noTokens = { open: () => 'unused' };
  const declined = (language?: 'pt-BR' | 'en'): EmailContent => ({
    template: 'checkout-declined',
    data: {
      checkoutId: 'c1',
      leadId: 'l1',
      courseId: 'ts-101',
      courseTitle: 'TypeScript',
      cardToken: 'tok',
      amountCents: 100,
      currency: 'BRL',
      payer: { name: 'Ana', email: 'ana@example.com' },
      declineReason: 'card_declined',
      ...(language && { language }),
    },
  });

  it('writes in the language of the person the event is about', () => {
    expect(composeEmail(declined('en'), settings, noTokens).text).toContain('Try again');
  });

  it('falls back to the platform language when the event names none', () => {
    expect(composeEmail(declined(), settings, noTokens).text).toContain('Tentar novamente');
  });

  it('sends the receipt to the payer it names, with what financial masked', () => {
    const receipt: EmailContent = {
      template: 'checkout-receipt',
      data: {
        checkoutId: 'c1',
        leadId: 'l1',
        courseId: 'ts-101',
        courseTitle: 'TypeScript',
        cardToken: 'tok',
        amountCents: 29700,
        currency: 'BRL',
        student: { name: 'Bia', email: 'bia@example.com' },
        receipt: {
          payer: {
            type: 'individual',
            name: 'Ana',
            email: 'ana@example.com',
            maskedDocument: '***.982.247-**',
          },
          card: { brand: 'elo', last4: '1234' },
          approvedAt: '2025-03-01T13:05:00.000Z',
        },
      },
    };
    expect(recipientOf(receipt)).toBe('ana@example.com');
    const email = composeEmail(receipt, settings, noTokens);
    expect(email.text).toContain('R$\u00a0297,00');
    expect(email.text).toContain('Elo final 1234');
    expect(email.text).not.toContain('bia@example.com');
  });

  it('links a reset to the activation page with the opened token, saying it is a reset', () => {
    const email = composeEmail(
      {
        template: 'access-link',
        data: {
          studentId: 's1',
          student: { name: 'Ana', email: 'ana@example.com' },
          purpose: 'password-reset',
          sealedToken: 'sealed',
          language: 'en',
        },
      },
      settings,
      { open: (sealed, studentId) => `${sealed}-opened-for-${studentId}` },
    );
    expect(email.text).toContain(
      'http://localhost:8080/activate?token=sealed-opened-for-s1&purpose=password-reset',
    );
  });
});

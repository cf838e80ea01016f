import { defaultRetryPolicy } from '../domain/retry-schedule';
import { composeEmail } from './compose-email';
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

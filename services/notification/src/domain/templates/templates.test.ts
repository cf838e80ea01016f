import { renderAccessGranted } from './access-granted';
import { renderAccessLink } from './access-link';
import { renderAccessWithdrawn } from './access-withdrawn';
import { renderCheckoutDeclined } from './checkout-declined';
import { renderCheckoutReceipt } from './checkout-receipt';
import { renderLeadReminder } from './lead-reminder';
import { renderRefundIssued } from './refund-issued';

describe('e-mail templates', () => {
  const access = {
    studentName: 'Ana <Souza>',
    email: 'ana@example.com',
    courseTitle: 'Fundamentos de TypeScript',
    activationUrl: 'http://localhost:8080/activate?token=abc',
    portalUrl: 'http://localhost:8080',
  };

  it('gives the student their login and the activation link, in Portuguese by default', () => {
    const email = renderAccessGranted(access, 'pt-BR');
    expect(email.subject).toBe('Seu acesso ao curso Fundamentos de TypeScript');
    expect(email.text).toContain('ana@example.com');
    expect(email.text).toContain(access.activationUrl);
    expect(email.html).toContain('href="http://localhost:8080/activate?token=abc"');
  });

  it('escapes names in the HTML part', () => {
    expect(renderAccessGranted(access, 'en').html).toContain('Ana &lt;Souza&gt;');
  });

  it('tells the payer the reason of a decline in plain words and how to try again', () => {
    const email = renderCheckoutDeclined(
      {
        payerName: 'Ana',
        courseTitle: 'Curso',
        reason: 'insufficient_funds',
        retryUrl: 'http://x/retry',
      },
      'pt-BR',
    );
    expect(email.text).toContain('não tem saldo ou limite suficiente');
    expect(email.text).toContain('Tentar novamente: http://x/retry');
  });

  it('tells the payer of an unpaid PIX charge that it expired, nothing was charged, and to order again', () => {
    const expired = {
      payerName: 'Ana',
      courseTitle: 'Curso',
      reason: 'expired' as const,
      retryUrl: 'http://x/retry',
    };
    const inPortuguese = renderCheckoutDeclined(expired, 'pt-BR').text;
    expect(inPortuguese).toContain('não foi aprovado: o PIX não foi pago dentro do prazo.');
    expect(inPortuguese).toContain('Nenhum valor foi cobrado. Você pode fazer um novo pedido');
    expect(inPortuguese).not.toContain('outro cartão ou falar com o seu banco');
    const inEnglish = renderCheckoutDeclined(expired, 'en').text;
    expect(inEnglish).toContain('was not approved: the PIX payment was not made in time.');
  });

  it('reminds a lead of the course it did not finish buying, with the link to resume', () => {
    const reminder = {
      leadName: 'Ana',
      courseTitle: 'Fundamentos de TypeScript',
      courseUrl: 'http://x/courses/typescript-fundamentals',
    };
    const inPortuguese = renderLeadReminder(reminder, 'pt-BR');
    expect(inPortuguese.text).toContain(
      'Concluir a compra: http://x/courses/typescript-fundamentals',
    );
    const inEnglish = renderLeadReminder(reminder, 'en');
    expect(inEnglish.subject).toBe('Your place in Fundamentos de TypeScript is still waiting');
    expect(inEnglish.html).toContain('href="http://x/courses/typescript-fundamentals"');
  });

  const receipt = {
    payerName: 'Ana <Souza>',
    maskedDocument: '***.982.247-**',
    courseTitle: 'Fundamentos de TypeScript',
    amountCents: 123456,
    card: { brand: 'visa', last4: '4242' },
    checkoutId: 'c-123',
    approvedAt: new Date('2025-03-01T13:05:00Z'),
  };

  it('gives the payer a receipt with the amount, the card summary, the masked document, the order and the date', () => {
    const email = renderCheckoutReceipt(receipt, 'pt-BR');
    expect(email.subject).toBe('Recibo: Fundamentos de TypeScript');
    expect(email.text).toContain(
      'pagamento de R$\u00a01.234,56 pelo curso "Fundamentos de TypeScript"',
    );
    expect(email.text).toContain('Cartão: Visa final 4242');
    expect(email.text).toContain('documento ***.982.247-**');
    expect(email.text).toContain('Número do pedido: c-123');
    // 13:05 UTC is 10:05 in Brasília.
    expect(email.text).toContain(
      'Data da aprovação: 1 de março de 2025 às 10:05 (horário de Brasília)',
    );
    expect(email.html).toContain('Ana &lt;Souza&gt;');
  });

  it('shows the installments of a total paid in several, and the last one when the rounding changed it', () => {
    const inTwelve = { count: 12, installmentCents: 2807, lastInstallmentCents: 2803 };
    const email = renderCheckoutReceipt(
      { ...receipt, amountCents: 33680, installments: inTwelve },
      'pt-BR',
    );
    expect(email.text).toContain(
      'pagamento de R$\u00a0336,80 em 12 x R$\u00a028,07 (a última de R$\u00a028,03) pelo curso',
    );
    const even = { count: 3, installmentCents: 9900, lastInstallmentCents: 9900 };
    const inEnglish = renderCheckoutReceipt({ ...receipt, installments: even }, 'en');
    expect(inEnglish.text).toContain('payment of R$1,234.56 in 3 x R$99.00 for');
  });

  it('says nothing of installments for a single payment', () => {
    const single = { count: 1, installmentCents: 123456, lastInstallmentCents: 123456 };
    const email = renderCheckoutReceipt({ ...receipt, installments: single }, 'pt-BR');
    expect(email.text).toContain('pagamento de R$\u00a01.234,56 pelo curso');
    expect(email.text).not.toContain(' x R$');
  });

  it("shows a coupon's discount, and nothing of coupons when none was used", () => {
    const coupon = { code: 'BEMVINDO10', discountCents: 2970 };
    const email = renderCheckoutReceipt({ ...receipt, amountCents: 26730, coupon }, 'pt-BR');
    for (const text of [email.text, email.html])
      expect(text).toContain('Cupom BEMVINDO10: desconto de R$\u00a029,70 sobre o preço do curso.');
    const inEnglish = renderCheckoutReceipt({ ...receipt, coupon }, 'en');
    expect(inEnglish.text).toContain('Coupon BEMVINDO10: R$29.70 off the course price.');
    expect(renderCheckoutReceipt(receipt, 'pt-BR').text).not.toContain('Cupom');
  });

  it('writes the receipt in English, naming an unknown brand plainly', () => {
    const email = renderCheckoutReceipt(
      { ...receipt, card: { brand: 'other', last4: '4242' } },
      'en',
    );
    expect(email.subject).toBe('Receipt: Fundamentos de TypeScript');
    expect(email.text).toContain('payment of R$1,234.56 for "Fundamentos de TypeScript"');
    expect(email.text).toContain('Card: Card ending in 4242');
    expect(email.text).toContain('Approved on: March 1, 2025 at 10:05 AM (Brasília time)');
  });
});

describe('the receipt of a PIX payment', () => {
  it('says it was paid with PIX, with no card', () => {
    const paid = {
      payerName: 'Ana Souza',
      maskedDocument: '***.982.247-**',
      courseTitle: 'Fundamentos de TypeScript',
      amountCents: 29700,
      checkoutId: 'c-pix',
      approvedAt: new Date('2025-03-01T13:05:00Z'),
    };
    const email = renderCheckoutReceipt(paid, 'pt-BR');
    expect(email.text).toContain('Pago com PIX');
    expect(email.text).not.toContain('Cartão');
    expect(renderCheckoutReceipt(paid, 'en').text).toContain('Paid with PIX');
  });
});

describe('the access-link e-mail', () => {
  const link = {
    studentName: 'Ana',
    email: 'ana@example.com',
    url: 'http://localhost:8080/activate?token=abc',
  };

  it('offers a reset link as a new password, in the student’s language', () => {
    const email = renderAccessLink({ ...link, purpose: 'password-reset' }, 'en');
    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain(`Choose a new password: ${link.url}`);
    expect(email.text).toContain('ana@example.com');
  });

  it('offers an activation link as activation, in Portuguese', () => {
    const email = renderAccessLink({ ...link, purpose: 'activation' }, 'pt-BR');
    expect(email.subject).toBe('Seu novo link de acesso');
    expect(email.html).toContain('href="http://localhost:8080/activate?token=abc"');
  });
});

describe('the refund e-mails', () => {
  const refund = {
    payerName: 'Ana',
    courseTitle: 'Fundamentos de TypeScript',
    amountCents: 29_700,
    checkoutId: 'c-1',
  };

  it('tell the student their access was withdrawn, in Portuguese and English', () => {
    const model = { studentName: 'Ana', courseTitle: refund.courseTitle, portalUrl: 'http://x' };
    expect(renderAccessWithdrawn(model, 'pt-BR').subject).toBe(
      'Seu acesso ao curso Fundamentos de TypeScript foi retirado',
    );
    expect(renderAccessWithdrawn(model, 'en').text).toContain('your access to it was withdrawn');
  });

  it('tell the payer how much went back and how: to the card, or by PIX', () => {
    const card = renderRefundIssued({ ...refund, paymentMethod: 'card' }, 'pt-BR');
    expect(card.text).toContain('Estornamos R$\u00a0297,00 no seu cartão');
    expect(card.text).toContain('Pedido: c-1');
    const pix = renderRefundIssued({ ...refund, paymentMethod: 'pix' }, 'en');
    expect(pix.subject).toBe('Refund of R$297.00: Fundamentos de TypeScript');
    expect(pix.text).toContain('We returned R$297.00 by PIX');
  });
});

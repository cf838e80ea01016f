import { formatBrl, installmentsLabel } from '@checkout/contracts';
import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface CheckoutReceiptModel {
  payerName: string;
  /** Already masked by financial: the full document never reaches notification. */
  maskedDocument: string;
  courseTitle: string;
  /** The total charged. */
  amountCents: number;
  /** Present when the total is paid in more than one installment. */
  installments?: { count: number; installmentCents: number; lastInstallmentCents: number };
  /** Present when a coupon took something off the course price before the total. */
  coupon?: { code: string; discountCents: number };
  /** The card paid with; absent when paid by PIX. */
  card?: { brand: string; last4: string };
  checkoutId: string;
  approvedAt: Date;
}

const locales: Record<Language, string> = { 'pt-BR': 'pt-BR', en: 'en-US' };

// The platform sells in Brazil: the receipt's date is Brasília time, whatever the server's zone.
const formatDate = (date: Date, language: Language) =>
  new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'America/Sao_Paulo',
  }).format(date);

/**
 * How the total is paid, when in installments: `em 12 x R$ 28,07` and, when the rounding made it
 * differ, the last one's amount.
 */
const installmentWords = {
  'pt-BR': ({ count, installmentCents, lastInstallmentCents }: Installments) =>
    ` em ${installmentsLabel(count, installmentCents, 'pt-BR')}` +
    (lastInstallmentCents === installmentCents
      ? ''
      : ` (a última de ${formatBrl(lastInstallmentCents, 'pt-BR')})`),
  en: ({ count, installmentCents, lastInstallmentCents }: Installments) =>
    ` in ${installmentsLabel(count, installmentCents, 'en')}` +
    (lastInstallmentCents === installmentCents
      ? ''
      : ` (the last one ${formatBrl(lastInstallmentCents, 'en')})`),
};
type Installments = NonNullable<CheckoutReceiptModel['installments']>;
const paidIn = (m: CheckoutReceiptModel, language: Language) =>
  m.installments && m.installments.count > 1 ? installmentWords[language](m.installments) : '';

const brandNames: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  elo: 'Elo',
};
const brandName = (brand: string, language: Language) =>
  brandNames[brand] ?? (language === 'en' ? 'Card' : 'Cartão');

const copy = {
  'pt-BR': (m: CheckoutReceiptModel) => ({
    subject: `Recibo: ${m.courseTitle}`,
    paragraphs: [
      `Olá, ${m.payerName}.`,
      `Recebemos o seu pagamento de ${formatBrl(m.amountCents, 'pt-BR')}${paidIn(m, 'pt-BR')} pelo curso "${m.courseTitle}".`,
      ...(m.coupon
        ? [
            `Cupom ${m.coupon.code}: desconto de ${formatBrl(m.coupon.discountCents, 'pt-BR')} sobre o preço do curso.`,
          ]
        : []),
      m.card ? `Cartão: ${brandName(m.card.brand, 'pt-BR')} final ${m.card.last4}` : 'Pago com PIX',
      `Pagador: ${m.payerName}, documento ${m.maskedDocument}`,
      `Data da aprovação: ${formatDate(m.approvedAt, 'pt-BR')} (horário de Brasília)`,
      `Número do pedido: ${m.checkoutId}`,
      'Guarde este e-mail como comprovante. O acesso ao curso chega ao aluno em outro e-mail.',
    ],
  }),
  en: (m: CheckoutReceiptModel) => ({
    subject: `Receipt: ${m.courseTitle}`,
    paragraphs: [
      `Hello, ${m.payerName}.`,
      `We received your payment of ${formatBrl(m.amountCents, 'en')}${paidIn(m, 'en')} for "${m.courseTitle}".`,
      ...(m.coupon
        ? [
            `Coupon ${m.coupon.code}: ${formatBrl(m.coupon.discountCents, 'en')} off the course price.`,
          ]
        : []),
      m.card ? `Card: ${brandName(m.card.brand, 'en')} ending in ${m.card.last4}` : 'Paid with PIX',
      `Payer: ${m.payerName}, document ${m.maskedDocument}`,
      `Approved on: ${formatDate(m.approvedAt, 'en')} (Brasília time)`,
      `Order number: ${m.checkoutId}`,
      'Keep this e-mail as your receipt. The student receives their course access in another e-mail.',
    ],
  }),
};

/** The payer's receipt for an approved checkout. */
export function renderCheckoutReceipt(
  model: CheckoutReceiptModel,
  language: Language,
): RenderedEmail {
  const { subject, paragraphs } = copy[language](model);
  return renderEmail(subject, paragraphs);
}

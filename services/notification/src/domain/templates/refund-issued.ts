import { formatBrl } from '@checkout/contracts';
import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface RefundIssuedModel {
  payerName: string;
  courseTitle: string;
  amountCents: number;
  paymentMethod: 'card' | 'pix';
  checkoutId: string;
}

const copy = {
  'pt-BR': (m: RefundIssuedModel) => ({
    subject: `Reembolso de ${formatBrl(m.amountCents, 'pt-BR')}: ${m.courseTitle}`,
    paragraphs: [
      `Olá, ${m.payerName}.`,
      m.paymentMethod === 'pix'
        ? `Devolvemos ${formatBrl(m.amountCents, 'pt-BR')} por PIX, pela compra do curso "${m.courseTitle}".`
        : `Estornamos ${formatBrl(m.amountCents, 'pt-BR')} no seu cartão, pela compra do curso "${m.courseTitle}". O estorno aparece na fatura conforme o prazo do banco emissor.`,
      `Pedido: ${m.checkoutId}`,
    ],
  }),
  en: (m: RefundIssuedModel) => ({
    subject: `Refund of ${formatBrl(m.amountCents, 'en')}: ${m.courseTitle}`,
    paragraphs: [
      `Hello, ${m.payerName}.`,
      m.paymentMethod === 'pix'
        ? `We returned ${formatBrl(m.amountCents, 'en')} by PIX for the purchase of "${m.courseTitle}".`
        : `We refunded ${formatBrl(m.amountCents, 'en')} to your card for the purchase of "${m.courseTitle}". It shows on your statement within your card issuer's time.`,
      `Order: ${m.checkoutId}`,
    ],
  }),
};

export function renderRefundIssued(model: RefundIssuedModel, language: Language): RenderedEmail {
  const { subject, paragraphs } = copy[language](model);
  return renderEmail(subject, paragraphs);
}

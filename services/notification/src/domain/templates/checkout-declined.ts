import type { DeclineReason } from '@checkout/contracts';
import { renderEmail, type Language, type RenderedEmail } from './layout';

export interface CheckoutDeclinedModel {
  payerName: string;
  courseTitle: string;
  reason: DeclineReason;
  retryUrl: string;
}

const reasons: Record<Language, Record<DeclineReason, string>> = {
  'pt-BR': {
    card_declined: 'o banco emissor recusou o cartão',
    insufficient_funds: 'o cartão não tem saldo ou limite suficiente',
    processing_error: 'não conseguimos falar com a operadora do cartão',
    expired: 'o PIX não foi pago dentro do prazo',
  },
  en: {
    card_declined: 'the card issuer declined the card',
    insufficient_funds: 'the card does not have enough funds or credit',
    processing_error: 'we could not reach the card network',
    expired: 'the PIX payment was not made in time',
  },
};

const copy = {
  'pt-BR': (m: CheckoutDeclinedModel) => ({
    subject: `Pagamento não aprovado: ${m.courseTitle}`,
    paragraphs: [
      `Olá, ${m.payerName}.`,
      `O pagamento do curso "${m.courseTitle}" não foi aprovado: ${reasons['pt-BR'][m.reason]}.`,
      m.reason === 'expired'
        ? 'Nenhum valor foi cobrado. Você pode fazer um novo pedido e pagar com PIX ou cartão.'
        : 'Nenhum valor foi cobrado. Você pode tentar de novo com outro cartão ou falar com o seu banco.',
    ],
    link: { label: 'Tentar novamente', url: m.retryUrl },
  }),
  en: (m: CheckoutDeclinedModel) => ({
    subject: `Payment not approved: ${m.courseTitle}`,
    paragraphs: [
      `Hello, ${m.payerName}.`,
      `The payment for "${m.courseTitle}" was not approved: ${reasons.en[m.reason]}.`,
      m.reason === 'expired'
        ? 'Nothing was charged. You can place a new order and pay by PIX or card.'
        : 'Nothing was charged. You can try again with another card or contact your bank.',
    ],
    link: { label: 'Try again', url: m.retryUrl },
  }),
};

export function renderCheckoutDeclined(
  model: CheckoutDeclinedModel,
  language: Language,
): RenderedEmail {
  const { subject, paragraphs, link } = copy[language](model);
  return renderEmail(subject, paragraphs, link);
}

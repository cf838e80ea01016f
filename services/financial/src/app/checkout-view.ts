import { installmentsLabel, type ApiSchemas } from '@checkout/contracts';
import type { ChargeAttemptRecord, Checkout, Installments } from '../domain/checkout';
import { pixQrCodeSvg } from './open-pix-charge';

/** The installments as the view shows them: with a pt-BR label when there are several. */
const installmentsView = ({ count, installmentCents, lastInstallmentCents }: Installments) => ({
  count,
  installmentCents,
  lastInstallmentCents,
  ...(count > 1 && { label: installmentsLabel(count, installmentCents, 'pt-BR') }),
});

/** What the payer pays by PIX with, while there is still something to pay. */
const pixView = async (checkout: Checkout) =>
  checkout.pix &&
  checkout.status === 'processing' && {
    pix: {
      brCode: checkout.pix.brCode,
      qrCodeSvg: await pixQrCodeSvg(checkout.pix.brCode),
      expiresAt: checkout.pix.expiresAt.toISOString(),
    },
  };

/** What the API shows of a checkout: its money and history, never its card or payer. */
export const toCheckoutView = async (
  checkout: Checkout,
  attempts: ChargeAttemptRecord[],
): Promise<ApiSchemas['Checkout']> => ({
  id: checkout.id,
  status: checkout.status,
  ...(checkout.declineReason && { declineReason: checkout.declineReason }),
  paymentMethod: { type: checkout.paymentMethod },
  ...(await pixView(checkout)),
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  installments: installmentsView(checkout.installments),
  ...(checkout.coupon && { coupon: checkout.coupon }),
  courseId: checkout.courseId,
  leadId: checkout.leadId,
  createdAt: checkout.createdAt.toISOString(),
  ...(checkout.decidedAt && { decidedAt: checkout.decidedAt.toISOString() }),
  attempts: attempts.map((attempt) => ({
    number: attempt.number,
    outcome: attempt.outcome,
    ...(attempt.declineReason && { declineReason: attempt.declineReason }),
    at: attempt.at.toISOString(),
  })),
});

import type { ApiSchemas } from '@checkout/contracts';
import type { Checkout } from '../domain/checkout';
import { refundStateOf } from '../domain/refund';

/** What the seller sees of a sale: the payer's name and e-mail, never card data or documents. */
export function toSaleView(checkout: Checkout): ApiSchemas['Sale'] {
  const refund = refundStateOf(checkout);
  return {
    id: checkout.id,
    courseId: checkout.courseId,
    courseTitle: checkout.courseTitle,
    amountCents: checkout.amountCents,
    currency: checkout.currency,
    installments: checkout.installments.count,
    paymentMethod: checkout.paymentMethod,
    payer: { name: checkout.payer.name, email: checkout.payer.email },
    // Sales are approved or refunded checkouts, which were decided.
    approvedAt: (checkout.decidedAt ?? checkout.createdAt).toISOString(),
    refund: {
      status: refund.status,
      ...(refund.status !== 'none' && { requestedAt: refund.requestedAt.toISOString() }),
      ...(refund.status === 'refunded' && { refundedAt: refund.refundedAt.toISOString() }),
    },
  };
}

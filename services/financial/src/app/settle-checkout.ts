import { maskDocument } from '@checkout/br-documents';
import {
  CheckoutApproved,
  CheckoutDeclined,
  type DeclineReason,
  type EventData,
} from '@checkout/contracts';
import type { Checkout } from '../domain/checkout';
import type { Payer } from '../domain/payer';
import type { FinancialTransaction } from './ports';
import { releaseCouponUse } from './release-coupon-use';

const checkoutFacts = (checkout: Checkout) => ({
  checkoutId: checkout.id,
  leadId: checkout.leadId,
  courseId: checkout.courseId,
  courseTitle: checkout.courseTitle,
  cardToken: checkout.cardToken,
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  installments: checkout.installments,
  ...(checkout.coupon && { coupon: checkout.coupon }),
  ...(checkout.language && { language: checkout.language }),
});

type Receipt = NonNullable<EventData<typeof CheckoutApproved>['receipt']>;

/** What the payer's receipt shows: no address, no phone, the document masked. */
const receiptFor = (payer: Payer, card: Receipt['card'], approvedAt: Date): Receipt => ({
  payer: {
    type: payer.type,
    name: payer.name,
    email: payer.email,
    maskedDocument: maskDocument(payer.document),
  },
  card: { brand: card.brand, last4: card.last4 },
  approvedAt: approvedAt.toISOString(),
});

/**
 * The charge is final and approved: the student is told by the services that listen, and the
 * payer gets a receipt (unless the checkout predates kept payers and card summaries).
 */
export async function approveCheckout(tx: FinancialTransaction, checkout: Checkout, now: Date) {
  await tx.updateCheckout(checkout.id, { status: 'approved', decidedAt: now });
  const payer = await tx.findPayer(checkout.id);
  tx.publish(CheckoutApproved, {
    ...checkoutFacts(checkout),
    student: checkout.student,
    ...(payer && checkout.card && { receipt: receiptFor(payer, checkout.card, now) }),
  });
}

/** The charge is final and declined: the payer is told why, and its coupon's use is free again. */
export async function declineCheckout(
  tx: FinancialTransaction,
  checkout: Checkout,
  reason: DeclineReason,
  now: Date,
) {
  await tx.updateCheckout(checkout.id, {
    status: 'declined',
    declineReason: reason,
    decidedAt: now,
  });
  await releaseCouponUse(tx, checkout, now);
  tx.publish(CheckoutDeclined, {
    ...checkoutFacts(checkout),
    payer: checkout.payer,
    declineReason: reason,
  });
}

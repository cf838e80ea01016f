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

/** What every event about a settled checkout says of it. */
export const checkoutFacts = (checkout: Checkout) => ({
  checkoutId: checkout.id,
  leadId: checkout.leadId,
  courseId: checkout.courseId,
  courseTitle: checkout.courseTitle,
  ...(checkout.cardToken && { cardToken: checkout.cardToken }),
  amountCents: checkout.amountCents,
  currency: checkout.currency,
  installments: checkout.installments,
  ...(checkout.coupon && { coupon: checkout.coupon }),
  ...(checkout.language && { language: checkout.language }),
});

type Receipt = NonNullable<EventData<typeof CheckoutApproved>['receipt']>;

/** What the payer's receipt shows: no address, no phone, the document masked. */
const receiptFor = (payer: Payer, checkout: Checkout, approvedAt: Date): Receipt => ({
  payer: {
    type: payer.type,
    name: payer.name,
    email: payer.email,
    maskedDocument: maskDocument(payer.document),
  },
  ...(checkout.card && { card: { brand: checkout.card.brand, last4: checkout.card.last4 } }),
  paymentMethod: checkout.paymentMethod,
  approvedAt: approvedAt.toISOString(),
});

/** Card checkouts taken before the vault told brand and last four digits get no receipt. */
const hasReceipt = (checkout: Checkout) => checkout.paymentMethod === 'pix' || !!checkout.card;

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
    ...(payer && hasReceipt(checkout) && { receipt: receiptFor(payer, checkout, now) }),
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

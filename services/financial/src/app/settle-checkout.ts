import { CheckoutApproved, CheckoutDeclined, type DeclineReason } from '@checkout/contracts';
import type { Checkout } from '../domain/checkout';
import type { FinancialTransaction } from './ports';

const checkoutFacts = (checkout: Checkout) => ({
  checkoutId: checkout.id,
  leadId: checkout.leadId,
  courseId: checkout.courseId,
  courseTitle: checkout.courseTitle,
  cardToken: checkout.cardToken,
  amountCents: checkout.amountCents,
  currency: checkout.currency,
});

/** The charge is final and approved: the student is told by the services that listen. */
export async function approveCheckout(tx: FinancialTransaction, checkout: Checkout) {
  await tx.updateCheckout(checkout.id, { status: 'approved' });
  tx.publish(CheckoutApproved, { ...checkoutFacts(checkout), student: checkout.student });
}

/** The charge is final and declined: the payer is told why. */
export async function declineCheckout(
  tx: FinancialTransaction,
  checkout: Checkout,
  reason: DeclineReason,
) {
  await tx.updateCheckout(checkout.id, { status: 'declined', declineReason: reason });
  tx.publish(CheckoutDeclined, {
    ...checkoutFacts(checkout),
    payer: checkout.payer,
    declineReason: reason,
  });
}

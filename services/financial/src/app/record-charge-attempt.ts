import {
  ChargeRequested,
  CheckoutApproved,
  CheckoutDeclined,
  type ChargeAttempted,
  type EventData,
} from '@checkout/contracts';
import { nextStepAfterAttempt, type Checkout } from '../domain/checkout';
import { chargeRequestFor } from './charge-request';
import type { FinancialStore, FinancialTransaction } from './ports';

const checkoutFacts = (checkout: Checkout) => ({
  checkoutId: checkout.id,
  leadId: checkout.leadId,
  courseId: checkout.courseId,
  courseTitle: checkout.courseTitle,
  cardToken: checkout.cardToken,
  amountCents: checkout.amountCents,
  currency: checkout.currency,
});

async function applyAttempt(tx: FinancialTransaction, attempt: EventData<typeof ChargeAttempted>) {
  const checkout = await tx.findCheckout(attempt.checkoutId);
  // A result for an attempt we did not ask for (or no longer wait for) changes nothing.
  if (!checkout || checkout.status !== 'processing' || checkout.attempts !== attempt.attempt)
    return;
  const step = nextStepAfterAttempt(attempt.attempt, attempt.outcome, attempt.declineReason);
  switch (step.kind) {
    case 'approve':
      await tx.updateCheckout(checkout.id, { status: 'approved' });
      return tx.publish(CheckoutApproved, {
        ...checkoutFacts(checkout),
        student: checkout.student,
      });
    case 'decline':
      await tx.updateCheckout(checkout.id, { status: 'declined', declineReason: step.reason });
      return tx.publish(CheckoutDeclined, {
        ...checkoutFacts(checkout),
        payer: checkout.payer,
        declineReason: step.reason,
      });
    case 'retry':
      await tx.updateCheckout(checkout.id, { attempts: step.attempt });
      return tx.publish(ChargeRequested, chargeRequestFor(checkout, step.attempt), {
        delayMs: step.delayMs,
      });
  }
}

/** Moves the checkout on after payment reports an attempt: approve, decline or try again later. */
export async function recordChargeAttempt(
  store: FinancialStore,
  eventId: string,
  attempt: EventData<typeof ChargeAttempted>,
): Promise<void> {
  await store.handleOnce(eventId, 'financial.record-charge-attempt', (tx) =>
    applyAttempt(tx, attempt),
  );
}

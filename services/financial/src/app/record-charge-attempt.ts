import {
  ChargeRequested,
  type ChargeAttempted,
  type DeclineReason,
  type EventData,
} from '@checkout/contracts';
import type { Logger, ReceivedEvent } from '@checkout/service-kit';
import { nextStepAfterAttempt } from '../domain/checkout';
import { chargeRequestFor } from './charge-request';
import type { FinancialStore, FinancialTransaction } from './ports';
import { approveCheckout, declineCheckout } from './settle-checkout';

type Attempt = EventData<typeof ChargeAttempted>;

/** A checkout made final by an attempt's result, and when it was accepted and decided. */
export type CheckoutDecision = (
  { outcome: 'approved' } | { outcome: 'declined'; declineReason: DeclineReason }
) & { acceptedAt: Date; decidedAt: Date };

async function applyAttempt(
  tx: FinancialTransaction,
  attempt: Attempt,
  logger: Logger,
): Promise<CheckoutDecision | undefined> {
  const now = new Date();
  // Locked: two reports of one attempt (the sweeper asked again) must not both settle it.
  const checkout = await tx.lockCheckout(attempt.checkoutId);
  if (checkout) {
    // Every answer goes into the history, once per attempt: a repeated answer (payment reports
    // an attempt again when the sweeper asks again) is the same attempt.
    await tx.recordAttempt(checkout.id, {
      number: attempt.attempt,
      outcome: attempt.outcome,
      ...(attempt.declineReason && { declineReason: attempt.declineReason }),
      at: now,
    });
  }
  if (checkout?.status === 'declined' && attempt.outcome === 'approved') {
    // Only after the sweeper gave up on an attempt that payment answered much later.
    logger.error(
      { checkoutId: checkout.id, attempt: attempt.attempt },
      'an approved charge arrived for a declined checkout: refund it',
    );
  }
  // A result for an attempt we did not ask for (or no longer wait for) changes nothing.
  if (!checkout || checkout.status !== 'processing' || checkout.attempts !== attempt.attempt)
    return;
  const times = { acceptedAt: checkout.createdAt, decidedAt: now };
  if (checkout.pix && checkout.pix.expiresAt <= now) {
    // Paid after the charge expired, before the sweeper declined it: the payer was told the
    // charge is no longer open, so it is not approved now.
    logger.error(
      { checkoutId: checkout.id },
      'a PIX payment arrived after its charge expired: refund it',
    );
    await declineCheckout(tx, checkout, 'expired', now);
    return { outcome: 'declined', declineReason: 'expired', ...times };
  }
  const step = nextStepAfterAttempt(attempt.attempt, attempt.outcome, attempt.declineReason);
  switch (step.kind) {
    case 'approve':
      await approveCheckout(tx, checkout, now);
      return { outcome: 'approved', ...times };
    case 'decline':
      await declineCheckout(tx, checkout, step.reason, now);
      return { outcome: 'declined', declineReason: step.reason, ...times };
    case 'retry':
      await tx.updateCheckout(checkout.id, { attempts: step.attempt, recoveries: 0 });
      tx.publish(ChargeRequested, chargeRequestFor(checkout, step.attempt), {
        delayMs: step.delayMs,
      });
      return undefined;
  }
}

/**
 * Moves the checkout on after payment reports an attempt: approve, decline or try again later.
 * Returns the decision once it is committed, and never for an event already handled.
 */
export async function recordChargeAttempt(
  { store, logger }: { store: FinancialStore; logger: Logger },
  { data: attempt, ...delivery }: ReceivedEvent<typeof ChargeAttempted>,
): Promise<CheckoutDecision | undefined> {
  const handled = await store.handleOnce(delivery, (tx) => applyAttempt(tx, attempt, logger));
  return handled.duplicate ? undefined : handled.result;
}

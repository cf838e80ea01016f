import { ChargeRequested } from '@checkout/contracts';
import type { Logger } from '@checkout/service-kit';
import { nextStepForStuckCharge } from '../domain/checkout';
import { chargeRequestFor } from './charge-request';
import type { FinancialStore } from './ports';
import { declineCheckout } from './settle-checkout';

const batchSize = 50;

/**
 * Drives on the checkouts whose charge got no answer for `stuckAfterMs` (a lost or dead-lettered
 * request, a result that never came back): asks payment again for the same attempt, which
 * reports the acquirer's first answer if there was one, or declines with a processing error
 * after a bounded number of tries. Rows are claimed with SKIP LOCKED, so replicas share the work.
 */
export async function recoverStuckCharges(
  { store, logger }: { store: FinancialStore; logger: Logger },
  stuckAfterMs: number,
  now = new Date(),
): Promise<void> {
  const recovered = await store.transaction(async (tx) => {
    const stuck = await tx.claimStuckCheckouts(new Date(now.getTime() - stuckAfterMs), batchSize);
    for (const checkout of stuck) {
      const step = nextStepForStuckCharge(checkout);
      const facts = { checkoutId: checkout.id, attempt: checkout.attempts, action: step.kind };
      if (step.kind === 'decline') {
        await declineCheckout(tx, checkout, step.reason);
        logger.warn(facts, 'stuck charge declined after asking again');
      } else {
        await tx.updateCheckout(checkout.id, { recoveries: checkout.recoveries + 1 });
        tx.publish(ChargeRequested, chargeRequestFor(checkout, step.attempt));
        logger.warn(facts, 'stuck charge requested again');
      }
    }
    return stuck.length;
  });
  if (recovered === batchSize) await recoverStuckCharges({ store, logger }, stuckAfterMs, now);
}

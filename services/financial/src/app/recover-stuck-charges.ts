import { ChargeRequested } from '@checkout/contracts';
import type { Logger } from '@checkout/service-kit';
import { nextStepForStuckCharge } from '../domain/checkout';
import { chargeRequestFor } from './charge-request';
import type { FinancialStore } from './ports';

const batchSize = 50;

/**
 * Drives on the checkouts whose charge got no answer for `stuckAfterMs` (a lost or dead-lettered
 * request, a result that never came back): asks payment again for the same attempt, which
 * reports the acquirer's first answer if there was one. After a bounded number of tries the
 * request is the last call: payment then declines with processing_error an attempt it never
 * charged, and the checkout settles on that answer. Rows are claimed with SKIP LOCKED, so
 * replicas share the work.
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
      await tx.updateCheckout(checkout.id, { recoveries: checkout.recoveries + 1 });
      tx.publish(ChargeRequested, {
        ...chargeRequestFor(checkout, step.attempt),
        ...(step.kind === 'last-call' && { lastCall: true }),
      });
      logger.warn(
        { checkoutId: checkout.id, attempt: step.attempt, action: step.kind },
        'stuck charge requested again',
      );
    }
    return stuck.length;
  });
  if (recovered === batchSize) await recoverStuckCharges({ store, logger }, stuckAfterMs, now);
}

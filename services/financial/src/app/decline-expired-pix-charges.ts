import type { Logger } from '@checkout/service-kit';
import type { FinancialStore } from './ports';
import { declineCheckout } from './settle-checkout';

const batchSize = 50;

/**
 * Declines `expired` the PIX checkouts whose charge was not paid before it expired, so the payer
 * is told and the lead may buy again. Rows are claimed with SKIP LOCKED, so replicas share the
 * work, and a confirmation arriving meanwhile waits for the row and then finds it declined.
 */
export async function declineExpiredPixCharges(
  { store, logger }: { store: FinancialStore; logger: Logger },
  now = new Date(),
): Promise<number> {
  const declined = await store.transaction(async (tx) => {
    const expired = await tx.claimExpiredPixCheckouts(now, batchSize);
    for (const checkout of expired) {
      await declineCheckout(tx, checkout, 'expired', now);
      logger.info({ checkoutId: checkout.id }, 'unpaid PIX charge expired');
    }
    return expired.length;
  });
  return declined === batchSize
    ? declined + (await declineExpiredPixCharges({ store, logger }, now))
    : declined;
}

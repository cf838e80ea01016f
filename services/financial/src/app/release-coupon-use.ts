import type { Checkout } from '../domain/checkout';
import type { FinancialTransaction } from './ports';

/**
 * A checkout that will never be paid (declined) or was paid back (refunded) gives its coupon's use
 * back, in the transaction that settles it. Once only: the checkout keeps when it gave it back, so
 * an event delivered again cannot give it back twice.
 */
export async function releaseCouponUse(
  tx: FinancialTransaction,
  checkout: Pick<Checkout, 'id' | 'coupon'>,
  now: Date,
): Promise<boolean> {
  if (!checkout.coupon) return false;
  return tx.releaseCouponUse(checkout.id, now);
}

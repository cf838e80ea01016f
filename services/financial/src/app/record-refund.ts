import { CheckoutRefunded, type ChargeRefunded } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { FinancialStore } from './ports';
import { releaseCouponUse } from './release-coupon-use';
import { checkoutFacts } from './settle-checkout';

/**
 * Payment gave the money back: the checkout is refunded, its coupon's use is free again, and the
 * services that listen take the access back and tell student and payer. Once, however often the
 * event comes.
 */
export async function recordRefund(
  store: FinancialStore,
  { data: refund, ...delivery }: ReceivedEvent<typeof ChargeRefunded>,
): Promise<void> {
  await store.handleOnce(delivery, async (tx) => {
    const checkout = await tx.lockCheckout(refund.checkoutId);
    // A refund nobody asked for (or already recorded) changes nothing.
    if (checkout?.status !== 'approved' || !checkout.refundRequestedAt) return;
    const refundedAt = new Date(refund.refundedAt);
    await tx.updateCheckout(checkout.id, { status: 'refunded', refundedAt });
    await releaseCouponUse(tx, checkout, refundedAt);
    tx.publish(CheckoutRefunded, {
      ...checkoutFacts(checkout),
      student: checkout.student,
      payer: checkout.payer,
      paymentMethod: checkout.paymentMethod,
      refundedAt: refund.refundedAt,
    });
  });
}

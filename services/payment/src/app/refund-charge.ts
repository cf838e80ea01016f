import { ChargeRefunded, type RefundRequested } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { PaymentStore, Refunds } from './ports';

/** One key per checkout: a checkout's charge is refunded once, whoever asks again. */
export const refundKeyOf = (checkoutId: string) => `refund:${checkoutId}`;

/**
 * Gives a checkout's money back and reports it. The provider is asked outside any transaction,
 * under the checkout's refund key, so a redelivered request (or one retried after a fault)
 * reports the first refund again rather than refunding twice.
 */
export async function refundCharge(
  { store, refunds }: { store: PaymentStore; refunds: Refunds },
  { data: request, ...delivery }: ReceivedEvent<typeof RefundRequested>,
): Promise<void> {
  const { checkoutId, paymentMethod, amountCents, currency } = request;
  const { refundedAt } = await refunds.refund({
    idempotencyKey: refundKeyOf(checkoutId),
    reference: checkoutId,
    paymentMethod,
    amountCents,
    currency,
  });
  await store.handleOnce(delivery, (tx) =>
    Promise.resolve(
      tx.publish(ChargeRefunded, {
        checkoutId,
        amountCents,
        currency,
        refundedAt: refundedAt.toISOString(),
      }),
    ),
  );
}

import { RefundRequested } from '@checkout/contracts';
import type { ApiSchemas } from '@checkout/contracts';
import { refundRefusal, type RefundRefusal } from '../domain/refund';
import type { FinancialStore } from './ports';
import { toSaleView } from './sale-view';

export type RequestRefundFailure =
  { reason: 'unknown_sale' } | { reason: 'idempotency_key_reused' } | RefundRefusal;

export type RequestRefundResult =
  { ok: true; sale: ApiSchemas['Sale'] } | ({ ok: false } & RequestRefundFailure);

/**
 * The seller refunds a sale: the request is recorded and payment is asked, in one commit. A sale
 * whose refund was asked for already answers that refund, under any key: the money goes back once.
 * A key names one sale's refund; the same key for another sale is refused.
 */
export async function requestRefund(
  { store, refundWindowDays }: { store: FinancialStore; refundWindowDays: number },
  { checkoutId, idempotencyKey }: { checkoutId: string; idempotencyKey: string },
  now = new Date(),
): Promise<RequestRefundResult> {
  return store.transaction(async (tx): Promise<RequestRefundResult> => {
    // Locked: two requests for one sale take turns, so the second sees the first's refund.
    const checkout = await tx.lockCheckout(checkoutId);
    if (!checkout) return { ok: false, reason: 'unknown_sale' };
    const keyOwner = await tx.lockRefundKey(idempotencyKey);
    if (keyOwner && keyOwner !== checkout.id)
      return { ok: false, reason: 'idempotency_key_reused' };
    if (checkout.refundRequestedAt) return { ok: true, sale: toSaleView(checkout) };
    const refusal = refundRefusal(checkout, refundWindowDays, now);
    if (refusal) return { ok: false, ...refusal };
    await tx.markRefundRequested(checkout.id, idempotencyKey, now);
    tx.publish(RefundRequested, {
      checkoutId: checkout.id,
      paymentMethod: checkout.paymentMethod,
      amountCents: checkout.amountCents,
      currency: checkout.currency,
      requestedAt: now.toISOString(),
    });
    return { ok: true, sale: toSaleView({ ...checkout, refundRequestedAt: now }) };
  });
}

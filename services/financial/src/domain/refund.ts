import type { Checkout } from './checkout';

/** A buyer may withdraw from an online purchase within 7 days (CDC art. 49), whatever the seller says. */
export const withdrawalDays = 7;
const dayMs = 86_400_000;

export type RefundRefusal =
  { reason: 'not_approved' } | { reason: 'refund_window_closed'; windowDays: number };

/**
 * Why the checkout cannot be refunded now, if it cannot: only an approved checkout can, within
 * the seller's window (REFUND_WINDOW_DAYS, which config keeps at 7 days or more) from its approval.
 */
export function refundRefusal(
  checkout: Pick<Checkout, 'status' | 'decidedAt'>,
  windowDays: number,
  now: Date,
): RefundRefusal | undefined {
  if (checkout.status !== 'approved' || !checkout.decidedAt) return { reason: 'not_approved' };
  if (now.getTime() - checkout.decidedAt.getTime() > windowDays * dayMs)
    return { reason: 'refund_window_closed', windowDays };
  return undefined;
}

export type RefundState =
  | { status: 'none' }
  | { status: 'requested'; requestedAt: Date }
  | { status: 'refunded'; requestedAt: Date; refundedAt: Date };

export function refundStateOf(
  checkout: Pick<Checkout, 'refundRequestedAt' | 'refundedAt'>,
): RefundState {
  const { refundRequestedAt: requestedAt, refundedAt } = checkout;
  if (!requestedAt) return { status: 'none' };
  return refundedAt
    ? { status: 'refunded', requestedAt, refundedAt }
    : { status: 'requested', requestedAt };
}

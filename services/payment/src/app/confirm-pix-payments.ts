import { ChargeAttempted } from '@checkout/contracts';
import type { Logger } from '@checkout/service-kit';
import type { PixChargeStore, PixChargeTransaction } from './pix-ports';

/** One payment the provider reports, in the Banco Central's API Pix words. */
export interface PixPaymentNotice {
  endToEndId: string;
  txid: string;
  /** Reais with two decimals, as the provider writes them: "297.00". */
  valor: string;
  horario: string;
}

export type ConfirmPixFailure =
  { reason: 'unknown_txid'; txid: string } | { reason: 'amount_mismatch'; txid: string };

const centsOf = (valor: string) => Number(valor.replace('.', ''));

/**
 * Applies one payment: the first for a charge reports its checkout paid, down the same path as a
 * card's approval (attempt 1 approved); the same payment again changes nothing. A second,
 * different payment of a paid charge changes nothing either, and is logged to be refunded.
 */
async function applyNotice(
  tx: PixChargeTransaction,
  notice: PixPaymentNotice,
  logger: Logger,
  now: Date,
): Promise<ConfirmPixFailure | undefined> {
  const charge = await tx.lockCharge(notice.txid);
  if (!charge) return { reason: 'unknown_txid', txid: notice.txid };
  if (centsOf(notice.valor) !== charge.amountCents)
    return { reason: 'amount_mismatch', txid: notice.txid };
  if (charge.endToEndId === notice.endToEndId) return undefined;
  if (charge.endToEndId) {
    logger.error({ checkoutId: charge.checkoutId }, 'a PIX charge was paid twice: refund it');
    return undefined;
  }
  await tx.markPaid(charge.txid, notice.endToEndId, now);
  tx.publish(ChargeAttempted, { checkoutId: charge.checkoutId, attempt: 1, outcome: 'approved' });
  return undefined;
}

/**
 * Applies the payments of one signed webhook together: all of them, or, when one cannot be
 * matched to its charge, none (the provider sends the webhook again, or someone looks into it).
 */
export async function confirmPixPayments(
  { store, logger }: { store: PixChargeStore; logger: Logger },
  notices: PixPaymentNotice[],
  now = new Date(),
): Promise<{ ok: true } | ({ ok: false } & ConfirmPixFailure)> {
  try {
    await store.transaction(async (tx) => {
      for (const notice of notices) {
        const failure = await applyNotice(tx, notice, logger, now);
        if (failure) throw new RefusedNotice(failure);
      }
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof RefusedNotice) return { ok: false, ...error.failure };
    throw error;
  }
}

/** Rolls the webhook's transaction back when one of its payments is refused. */
class RefusedNotice extends Error {
  constructor(readonly failure: ConfirmPixFailure) {
    super(failure.reason);
  }
}

import type { Inbox, Transaction } from '@checkout/service-kit';

/** A PIX charge as payment keeps it: enough to match a payment to its checkout and amount. */
export interface PixCharge {
  txid: string;
  checkoutId: string;
  amountCents: number;
  expiresAt: Date;
  /** The payment that paid it; absent while unpaid. */
  endToEndId?: string;
}

export interface PixChargeTransaction {
  /** Keeps a charge financial opened; one already kept is left as it is. */
  keepCharge(charge: PixCharge): Promise<void>;
  /** The charge, held until commit: two webhooks for it are applied one after the other. */
  lockCharge(txid: string): Promise<PixCharge | undefined>;
  markPaid(txid: string, endToEndId: string, paidAt: Date): Promise<void>;
  publish: Transaction['publish'];
}

export interface PixChargeStore extends Inbox<PixChargeTransaction> {
  transaction<R>(work: (tx: PixChargeTransaction) => Promise<R>): Promise<R>;
}

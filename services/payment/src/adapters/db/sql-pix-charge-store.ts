import { inboxOf, type Transaction, type TransactionRunner } from '@checkout/service-kit';
import type { PixChargeStore, PixChargeTransaction } from '../../app/pix-ports';

interface PixChargeRow {
  txid: string;
  checkout_id: string;
  amount_cents: number;
  expires_at: Date;
  end_to_end_id: string | null;
}

function pixChargeTransaction({ sql, publish }: Transaction): PixChargeTransaction {
  return {
    keepCharge: async ({ txid, checkoutId, amountCents, expiresAt }) => {
      await sql.run(
        `insert into "payment"."pix_charge" ("txid", "checkout_id", "amount_cents", "expires_at")
          values ($1, $2, $3, $4) on conflict do nothing`,
        [txid, checkoutId, amountCents, expiresAt],
      );
    },
    lockCharge: async (txid) => {
      const [row] = await sql.rows<PixChargeRow>(
        `select "txid", "checkout_id", "amount_cents", "expires_at", "end_to_end_id"
          from "payment"."pix_charge" where "txid" = $1 for update`,
        [txid],
      );
      return (
        row && {
          txid: row.txid,
          checkoutId: row.checkout_id,
          amountCents: row.amount_cents,
          expiresAt: row.expires_at,
          ...(row.end_to_end_id && { endToEndId: row.end_to_end_id }),
        }
      );
    },
    markPaid: async (txid, endToEndId, paidAt) => {
      await sql.run(
        `update "payment"."pix_charge" set "end_to_end_id" = $2, "paid_at" = $3 where "txid" = $1`,
        [txid, endToEndId, paidAt],
      );
    },
    publish,
  };
}

/** PIX charges in plain SQL, in payment's schema. */
export function createSqlPixChargeStore(transactions: TransactionRunner): PixChargeStore {
  return {
    transaction: (work) => transactions.run((tx) => work(pixChargeTransaction(tx))),
    ...inboxOf(transactions, pixChargeTransaction),
  };
}

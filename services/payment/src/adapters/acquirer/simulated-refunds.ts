import { sqlOf, type Database } from '@checkout/service-kit';
import type { Refunds } from '../../app/ports';

/**
 * The documented stand-in for the acquirer's refund and the PIX provider's devolução, which we do
 * not run: each refund is kept under its idempotency key in the simulators' own table, so the
 * same key never refunds twice. Each call commits on its own, like a remote system's.
 */
export function createSimulatedRefunds(orm: Database): Refunds {
  const sql = sqlOf(orm);
  return {
    refund: async ({ idempotencyKey, reference, paymentMethod, amountCents, currency }) => {
      await sql.run(
        `insert into "payment"."simulated_refund" ("idempotency_key", "reference",
          "payment_method", "amount_cents", "currency", "refunded_at")
          values ($1, $2, $3, $4, $5, $6) on conflict ("idempotency_key") do nothing`,
        [idempotencyKey, reference, paymentMethod, amountCents, currency, new Date()],
      );
      const [row] = await sql.rows<{ refunded_at: Date }>(
        `select "refunded_at" from "payment"."simulated_refund" where "idempotency_key" = $1`,
        [idempotencyKey],
      );
      if (!row) throw new Error(`the refund under ${idempotencyKey} vanished`);
      return { refundedAt: row.refunded_at };
    },
  };
}

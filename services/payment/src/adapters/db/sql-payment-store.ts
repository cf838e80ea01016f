import { inboxOf, sqlOf, type Database, type TransactionRunner } from '@checkout/service-kit';
import type { PaymentStore, PaymentTransaction } from '../../app/ports';
import { fromAnswerColumns, toAnswerColumns, type AnswerRow } from './answer-columns';

const findAttemptSql = `select "outcome", "decline_reason" from "payment"."gateway_attempt"
  where "checkout_id" = $1 and "attempt" = $2`;

/** Attempts in plain SQL: each runs once per charge. */
export function createSqlPaymentStore(
  orm: Database,
  transactions: TransactionRunner,
): PaymentStore {
  const sql = sqlOf(orm);
  return {
    findAttempt: async (checkoutId, attempt) => {
      const [row] = await sql.rows<AnswerRow>(findAttemptSql, [checkoutId, attempt]);
      return row && fromAnswerColumns(row);
    },
    ...inboxOf<PaymentTransaction>(transactions, ({ sql: tx, publish }) => ({
      recordAttempt: async ({ checkoutId, attempt, answer }) => {
        const { outcome, declineReason } = toAnswerColumns(answer);
        const inserted = await tx.run(
          `insert into "payment"."gateway_attempt"
            ("checkout_id", "attempt", "outcome", "decline_reason", "attempted_at")
            values ($1, $2, $3, $4, $5) on conflict do nothing`,
          [checkoutId, attempt, outcome, declineReason, new Date()],
        );
        if (inserted > 0) return answer;
        const [recorded] = await tx.rows<AnswerRow>(findAttemptSql, [checkoutId, attempt]);
        if (!recorded) throw new Error(`attempt ${attempt} of ${checkoutId} vanished`);
        return fromAnswerColumns(recorded);
      },
      publish,
    })),
  };
}

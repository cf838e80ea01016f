import { sqlOf, type Database } from '@checkout/service-kit';
import type { Acquirer } from '../../app/ports';
import { askSimulatedAcquirer } from '../../domain/simulated-acquirer';
import { fromAnswerColumns, toAnswerColumns, type AnswerRow } from '../db/answer-columns';

/**
 * The documented stand-in for a card gateway, which we do not run: it answers by the test-card
 * rules and keeps each answer under its idempotency key in its own table, so the same key never
 * charges twice and can be looked up later, as Stripe's and Brazilian acquirers' keys behave.
 * Each call commits on its own, like a remote system's.
 */
export function createSimulatedAcquirerGateway(orm: Database): Acquirer {
  const sql = sqlOf(orm);
  const findCharge = async (idempotencyKey: string) => {
    const [row] = await sql.rows<AnswerRow>(
      `select "outcome", "decline_reason" from "payment"."simulated_acquirer_charge"
        where "idempotency_key" = $1`,
      [idempotencyKey],
    );
    return row && fromAnswerColumns(row);
  };
  return {
    findCharge,
    charge: async ({ cardNumber, attempt, ...order }) => {
      const answer = askSimulatedAcquirer(cardNumber, attempt);
      const { outcome, declineReason } = toAnswerColumns(answer);
      const charged = await sql.run(
        `insert into "payment"."simulated_acquirer_charge" ("idempotency_key", "reference",
          "amount_cents", "currency", "installments", "outcome", "decline_reason", "charged_at")
          values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict ("idempotency_key") do nothing`,
        [
          order.idempotencyKey,
          order.reference,
          order.amountCents,
          order.currency,
          order.installments,
          outcome,
          declineReason,
          new Date(),
        ],
      );
      if (charged > 0) return answer;
      return (await findCharge(order.idempotencyKey)) ?? answer;
    },
  };
}

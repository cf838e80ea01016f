import type { Database } from '@checkout/service-kit';
import type { Acquirer } from '../../app/ports';
import { askSimulatedAcquirer } from '../../domain/simulated-acquirer';
import { fromAnswerColumns, toAnswerColumns } from '../db/answer-columns';
import { SimulatedAcquirerChargeEntity } from '../db/entities';

/**
 * The documented stand-in for a card gateway, which we do not run: it answers by the test-card
 * rules and keeps each answer under its idempotency key in its own table, so the same key never
 * charges twice and can be looked up later, as Stripe's and Brazilian acquirers' keys behave.
 * Each call commits on its own, like a remote system's.
 */
export function createSimulatedAcquirerGateway(orm: Database): Acquirer {
  const findCharge = async (idempotencyKey: string) => {
    const row = await orm.em.fork().findOne(SimulatedAcquirerChargeEntity, { idempotencyKey });
    return row ? fromAnswerColumns(row) : undefined;
  };
  return {
    findCharge,
    charge: async ({ cardNumber, attempt, ...order }) => {
      const answer = askSimulatedAcquirer(cardNumber, attempt);
      const { affectedRows } = await orm.em
        .fork()
        .createQueryBuilder(SimulatedAcquirerChargeEntity)
        .insert({ ...order, ...toAnswerColumns(answer), chargedAt: new Date() })
        .onConflict('idempotencyKey')
        .ignore()
        .execute<{ affectedRows: number }>('run');
      if (affectedRows > 0) return answer;
      return (await findCharge(order.idempotencyKey)) ?? answer;
    },
  };
}

import { insertIfAbsent, type Database, type TransactionRunner } from '@checkout/service-kit';
import type { PaymentStore } from '../../app/ports';
import { fromAnswerColumns, toAnswerColumns } from './answer-columns';
import { GatewayAttemptEntity } from './entities';

export function createMikroOrmPaymentStore(
  orm: Database,
  transactions: TransactionRunner,
): PaymentStore {
  return {
    findAttempt: async (checkoutId, attempt) => {
      const row = await orm.em.fork().findOne(GatewayAttemptEntity, { checkoutId, attempt });
      return row ? fromAnswerColumns(row) : undefined;
    },
    handleOnce: async (eventId, consumer, work) => {
      await transactions.runOnce(eventId, consumer, ({ em, publish }) =>
        work({
          recordAttempt: async ({ checkoutId, attempt, answer }) => {
            const row = {
              checkoutId,
              attempt,
              ...toAnswerColumns(answer),
              attemptedAt: new Date(),
            };
            if (await insertIfAbsent(em, GatewayAttemptEntity, row)) return answer;
            return fromAnswerColumns(
              await em.findOneOrFail(GatewayAttemptEntity, { checkoutId, attempt }),
            );
          },
          publish,
        }),
      );
    },
  };
}

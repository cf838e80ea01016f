import {
  inboxOf,
  insertIfAbsent,
  type Database,
  type TransactionRunner,
} from '@checkout/service-kit';
import type { PaymentStore, PaymentTransaction } from '../../app/ports';
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
    ...inboxOf<PaymentTransaction>(transactions, ({ em, publish }) => ({
      recordAttempt: async ({ checkoutId, attempt, answer }) => {
        const row = { checkoutId, attempt, ...toAnswerColumns(answer), attemptedAt: new Date() };
        if (await insertIfAbsent(em, GatewayAttemptEntity, row)) return answer;
        const recorded = await em.findOneOrFail(GatewayAttemptEntity, { checkoutId, attempt });
        return fromAnswerColumns(recorded);
      },
      publish,
    })),
  };
}

import type { TransactionRunner } from '@checkout/service-kit';
import type { PaymentStore } from '../../app/ports';
import { GatewayAttemptEntity } from './entities';

export function createMikroOrmPaymentStore(transactions: TransactionRunner): PaymentStore {
  return {
    handleOnce: async (eventId, consumer, work) => {
      await transactions.runOnce(eventId, consumer, ({ em, publish }) =>
        work({
          recordAttempt: ({ checkoutId, attempt, answer }) => {
            em.create(GatewayAttemptEntity, {
              checkoutId,
              attempt,
              outcome: answer.outcome,
              declineReason: answer.outcome === 'declined' ? answer.declineReason : null,
            });
          },
          publish,
        }),
      );
    },
  };
}

import type { TransactionRunner } from '@checkout/service-kit';
import type { NotificationStore } from '../../app/ports';
import { SentEmailEntity } from './entities';

export function createMikroOrmNotificationStore(
  transactions: TransactionRunner,
): NotificationStore {
  return {
    handleOnce: async (eventId, consumer, work) => {
      await transactions.runOnce(eventId, consumer, ({ em }) =>
        work({
          record: ({ to, ...sent }) => {
            em.create(SentEmailEntity, { ...sent, recipient: to });
          },
        }),
      );
    },
  };
}

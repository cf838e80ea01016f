import type { Database, TransactionRunner } from '@checkout/service-kit';
import type { LeadStore } from '../../app/ports';
import { LeadEntity } from './entities';

export function createMikroOrmLeadStore(orm: Database, transactions: TransactionRunner): LeadStore {
  return {
    add: async (lead) => {
      await orm.em.fork().insert(LeadEntity, { ...lead, createdAt: new Date(), convertedAt: null });
    },
    find: async (id) => {
      const row = await orm.em.fork().findOne(LeadEntity, { id });
      if (!row) return undefined;
      const { createdAt, convertedAt, ...lead } = row;
      return lead;
    },
    handleOnce: async (eventId, consumer, work) => {
      await transactions.runOnce(eventId, consumer, ({ em }) =>
        work({
          markClient: async (id) => {
            await em.nativeUpdate(
              LeadEntity,
              { id, status: 'lead' },
              { status: 'client', convertedAt: new Date() },
            );
          },
        }),
      );
    },
  };
}

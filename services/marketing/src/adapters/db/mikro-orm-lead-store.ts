import { inboxOf, type Database, type TransactionRunner } from '@checkout/service-kit';
import type { LeadConversions, LeadStore } from '../../app/ports';
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
    ...inboxOf<LeadConversions>(transactions, ({ em }) => ({
      markClient: async (id) => {
        await em.nativeUpdate(
          LeadEntity,
          { id, status: 'lead' },
          { status: 'client', convertedAt: new Date() },
        );
      },
    })),
  };
}

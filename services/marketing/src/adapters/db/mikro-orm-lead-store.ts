import { inboxOf, type Database, type TransactionRunner } from '@checkout/service-kit';
import { LockMode, type InferEntity } from '@mikro-orm/core';
import type { Lead } from '../../domain/lead';
import type { LeadConversions, LeadStore } from '../../app/ports';
import { LeadEntity } from './entities';

type LeadRow = InferEntity<typeof LeadEntity>;

const toLead = ({ createdAt, convertedAt, remindedAt, ...lead }: LeadRow): Lead => lead;

/**
 * One statement, so that concurrent registrations of the same e-mail and course settle on one
 * row through the partial unique index of open leads (0003).
 */
const registerSql = (schema: string) => `
  insert into "${schema}"."lead" ("id", "name", "email", "document", "birth_date", "phone",
    "course_id", "course_title", "language", "status", "created_at")
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'lead', now())
  on conflict ("email", "course_id") where "status" = 'lead' do update set
    "name" = excluded."name", "document" = excluded."document",
    "birth_date" = excluded."birth_date", "phone" = excluded."phone",
    "course_title" = excluded."course_title", "language" = excluded."language"
  returning "id"`;

export function createMikroOrmLeadStore(orm: Database, transactions: TransactionRunner): LeadStore {
  const schema = orm.config.get('schema') ?? 'marketing';
  return {
    register: async (lead) => {
      const { id, name, email, document, birthDate, phone, courseId, courseTitle, language } = lead;
      const [row] = await orm.em
        .fork()
        .execute<{ id: string }[]>(registerSql(schema), [
          ...[id, name, email, document, birthDate, phone, courseId, courseTitle, language],
        ]);
      const keptId = row!.id;
      return { lead: { ...lead, id: keptId }, created: keptId === id };
    },
    find: async (id) => {
      const row = await orm.em.fork().findOne(LeadEntity, { id });
      return row ? toLead(row) : undefined;
    },
    remindersTransaction: (work) =>
      transactions.run(({ em, publish }) =>
        work({
          claimDueReminders: async (registeredBefore, limit) => {
            const rows = await em.find(
              LeadEntity,
              { status: 'lead', remindedAt: null, createdAt: { $lt: registeredBefore } },
              {
                orderBy: { createdAt: 'asc' },
                limit,
                lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
              },
            );
            const remindedAt = new Date();
            for (const row of rows) row.remindedAt = remindedAt;
            return rows.map(toLead);
          },
          publish,
        }),
      ),
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

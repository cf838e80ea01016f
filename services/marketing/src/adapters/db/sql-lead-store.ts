import { sqlOf, type Database, type TransactionRunner } from '@checkout/service-kit';
import type { Lead } from '../../domain/lead';
import type { LeadStore } from '../../app/ports';

interface LeadRow {
  id: string;
  name: string;
  email: string;
  document: string;
  birth_date: string;
  phone: string;
  course_id: string;
  course_title: string;
  language: Lead['language'];
  status: Lead['status'];
}

const leadColumns = `"id", "name", "email", "document", "birth_date", "phone", "course_id",
  "course_title", "language", "status"`;

const toLead = (row: LeadRow): Lead => ({
  id: row.id,
  name: row.name,
  email: row.email,
  document: row.document,
  birthDate: row.birth_date,
  phone: row.phone,
  courseId: row.course_id,
  courseTitle: row.course_title,
  language: row.language,
  status: row.status,
});

/**
 * One statement, so that concurrent registrations of the same e-mail and course settle on one
 * row through the partial unique index of open leads (0003).
 */
const registerSql = `
  insert into "marketing"."lead" (${leadColumns}, "created_at")
  values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'lead', now())
  on conflict ("email", "course_id") where "status" = 'lead' do update set
    "name" = excluded."name", "document" = excluded."document",
    "birth_date" = excluded."birth_date", "phone" = excluded."phone",
    "course_title" = excluded."course_title", "language" = excluded."language"
  returning "id"`;

/** Leads in plain SQL: every checkout registers one and reads it back. */
export function createSqlLeadStore(orm: Database, transactions: TransactionRunner): LeadStore {
  const sql = sqlOf(orm);
  return {
    register: async (lead) => {
      const { id, name, email, document, birthDate, phone, courseId, courseTitle, language } = lead;
      const [row] = await sql.rows<{ id: string }>(registerSql, [
        ...[id, name, email, document, birthDate, phone, courseId, courseTitle, language],
      ]);
      const keptId = row!.id;
      return { lead: { ...lead, id: keptId }, created: keptId === id };
    },
    find: async (id) => {
      const [row] = await sql.rows<LeadRow>(
        `select ${leadColumns} from "marketing"."lead" where "id" = $1`,
        [id],
      );
      return row && toLead(row);
    },
    remindersTransaction: (work) =>
      transactions.run(({ sql: tx, publish }) =>
        work({
          claimDueReminders: async (registeredBefore, limit) =>
            (
              await tx.rows<LeadRow>(
                `update "marketing"."lead" set "reminded_at" = $3 where "id" in (
                  select "id" from "marketing"."lead"
                  where "status" = 'lead' and "reminded_at" is null and "created_at" < $1
                  order by "created_at" limit $2 for update skip locked)
                returning ${leadColumns}`,
                [registeredBefore, limit, new Date()],
              )
            ).map(toLead),
          publish,
        }),
      ),
    markClient: async (id) => {
      await sql.run(
        `update "marketing"."lead" set "status" = 'client', "converted_at" = $2
          where "id" = $1 and "status" = 'lead'`,
        [id, new Date()],
      );
    },
  };
}

import { SchemaMigration } from '@checkout/service-kit';

/**
 * A buyer has one open lead per course (concurrent registrations settle on it in the database),
 * leads keep their language and course title, and a lead is reminded once. Leads registered
 * before reminders existed count as reminded: they were never promised one, and an upgrade should
 * not e-mail every old lead at once.
 */
export class OneOpenLeadPerCourse extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `alter table "lead" add column "language" text not null default 'pt-BR',
         add column "course_title" text not null default '',
         add column "reminded_at" timestamptz`,
      `alter table "lead" alter column "language" drop default,
         alter column "course_title" drop default`,
      `update "lead" set "reminded_at" = now()`,
      `create unique index "lead_open_email_course_key" on "lead" ("email", "course_id")
         where "status" = 'lead'`,
      `create index "lead_reminder_due_idx" on "lead" ("created_at")
         where "status" = 'lead' and "reminded_at" is null`,
    );
  }
}

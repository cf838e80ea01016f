import { defineEntity } from '@mikro-orm/core';
import type { Language } from '@checkout/contracts';
import type { LeadStatus } from '../../domain/lead';

export const LeadEntity = defineEntity({
  name: 'Lead',
  tableName: 'lead',
  properties: (p) => ({
    id: p.text().primary(),
    name: p.text(),
    email: p.text(),
    document: p.text(),
    birthDate: p.date(),
    phone: p.text(),
    courseId: p.text(),
    courseTitle: p.text(),
    language: p.text().$type<Language>(),
    status: p.text().$type<LeadStatus>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    convertedAt: p.datetime().nullable(),
    remindedAt: p.datetime().nullable(),
  }),
  // Partial indexes, as the migrations create them: MikroORM only compares what it can express.
  indexes: [
    {
      name: 'lead_open_email_course_key',
      expression: `create unique index "lead_open_email_course_key" on "marketing"."lead" ("email", "course_id") where "status" = 'lead'`,
    },
    {
      name: 'lead_reminder_due_idx',
      expression: `create index "lead_reminder_due_idx" on "marketing"."lead" ("created_at") where "status" = 'lead' and "reminded_at" is null`,
    },
  ],
});

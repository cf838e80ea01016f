import { defineEntity } from '@mikro-orm/core';
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
    status: p.text().$type<LeadStatus>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    convertedAt: p.datetime().nullable(),
  }),
});

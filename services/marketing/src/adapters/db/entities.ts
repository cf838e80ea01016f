import { defineEntity } from '@mikro-orm/core';
import type { LeadStatus } from '../../domain/lead';

export const LeadEntity = defineEntity({
  name: 'Lead',
  tableName: 'lead',
  properties: (p) => ({
    id: p.string().primary(),
    name: p.string(),
    email: p.string(),
    document: p.string(),
    birthDate: p.date(),
    phone: p.string(),
    courseId: p.string(),
    status: p.string().$type<LeadStatus>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    convertedAt: p.datetime().nullable(),
  }),
});

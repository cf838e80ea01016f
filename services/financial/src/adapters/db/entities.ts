import { defineEntity } from '@mikro-orm/core';
import type { ApiSchemas, DeclineReason } from '@checkout/contracts';
import type { CheckoutStatus, Contact } from '../../domain/checkout';

export const CourseEntity = defineEntity({
  name: 'Course',
  tableName: 'course',
  properties: (p) => ({
    id: p.string().primary(),
    title: p.string(),
    priceCents: p.integer(),
    currency: p.string().$type<'BRL'>(),
  }),
});

export const CheckoutEntity = defineEntity({
  name: 'Checkout',
  tableName: 'checkout',
  properties: (p) => ({
    id: p.string().primary(),
    leadId: p.string(),
    courseId: p.string(),
    courseTitle: p.string(),
    cardToken: p.string(),
    amountCents: p.integer(),
    currency: p.string().$type<'BRL'>(),
    status: p.string().$type<CheckoutStatus>(),
    declineReason: p.string().$type<DeclineReason>().nullable(),
    attempts: p.integer(),
    recoveries: p.integer(),
    student: p.json<Contact>(),
    payer: p.json<Contact>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
});

export const IdempotencyRecordEntity = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: (p) => ({
    key: p.string().primary(),
    fingerprint: p.string(),
    status: p.integer(),
    body: p.json<ApiSchemas['Checkout']>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

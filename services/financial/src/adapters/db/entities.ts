import { defineEntity } from '@mikro-orm/core';
import type { ApiSchemas, DeclineReason } from '@checkout/contracts';
import type { CheckoutStatus, Contact } from '../../domain/checkout';

export const CourseEntity = defineEntity({
  name: 'Course',
  tableName: 'course',
  properties: (p) => ({
    id: p.text().primary(),
    title: p.text(),
    priceCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
  }),
  checks: [{ name: 'course_price_cents_check', expression: 'price_cents > 0' }],
});

export const CheckoutEntity = defineEntity({
  name: 'Checkout',
  tableName: 'checkout',
  properties: (p) => ({
    id: p.text().primary(),
    leadId: p.text(),
    courseId: p
      .manyToOne(CourseEntity)
      .mapToPk()
      .fieldName('course_id')
      .foreignKeyName('checkout_course_id_fkey')
      .updateRule('no action'),
    courseTitle: p.text(),
    cardToken: p.text(),
    amountCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
    status: p.text().$type<CheckoutStatus>(),
    declineReason: p.text().$type<DeclineReason>().nullable(),
    attempts: p.integer(),
    recoveries: p.integer().default(0),
    student: p.json<Contact>(),
    payer: p.json<Contact>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  }),
  // One checkout per card token, one open or approved checkout per lead and course (0003).
  uniques: [{ name: 'checkout_card_token_key', properties: 'cardToken' }],
  indexes: [
    {
      name: 'checkout_open_purchase_key',
      expression: `create unique index "checkout_open_purchase_key" on "financial"."checkout" ("lead_id", "course_id") where "status" <> 'declined'`,
    },
    {
      name: 'checkout_processing_updated_at_idx',
      expression: `create index "checkout_processing_updated_at_idx" on "financial"."checkout" ("updated_at") where "status" = 'processing'`,
    },
  ],
});

export const IdempotencyRecordEntity = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  properties: (p) => ({
    key: p.text().primary(),
    fingerprint: p.text(),
    status: p.integer(),
    body: p.json<ApiSchemas['Checkout']>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});

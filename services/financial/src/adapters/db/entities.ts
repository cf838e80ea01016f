import { defineEntity } from '@mikro-orm/core';
import type { ApiSchemas, DeclineReason, Language } from '@checkout/contracts';
import type { ChargeOutcome, CheckoutStatus, Contact, PaymentMethod } from '../../domain/checkout';
import type { PayerType } from '../../domain/payer';

export const CourseEntity = defineEntity({
  name: 'Course',
  tableName: 'course',
  properties: (p) => ({
    id: p.text().primary(),
    title: p.text(),
    priceCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
    // The installment plan (0009): one payment unless the seller offers more.
    maxInstallments: p.integer().default(1),
    interestFreeInstallments: p.integer().default(1),
    monthlyInterestBps: p.integer().default(0),
  }),
  checks: [
    { name: 'course_price_cents_check', expression: 'price_cents > 0' },
    { name: 'course_max_installments_check', expression: 'max_installments >= 1' },
    {
      name: 'course_interest_free_installments_check',
      expression: 'interest_free_installments >= 1',
    },
    {
      name: 'course_interest_free_within_max_check',
      expression: 'interest_free_installments <= max_installments',
    },
    { name: 'course_monthly_interest_bps_check', expression: 'monthly_interest_bps >= 0' },
  ],
});

/** A seller's coupon (0010); the checks keep one kind of discount and the uses within the maximum. */
export const CouponEntity = defineEntity({
  name: 'Coupon',
  tableName: 'coupon',
  properties: (p) => ({
    code: p.text().primary(),
    percentOff: p.integer().nullable(),
    amountOffCents: p.integer().nullable(),
    courseId: p
      .manyToOne(CourseEntity)
      .mapToPk()
      .nullable()
      .fieldName('course_id')
      .foreignKeyName('coupon_course_id_fkey')
      .updateRule('no action')
      .deleteRule('no action'),
    validFrom: p.datetime().nullable(),
    validUntil: p.datetime().nullable(),
    maxUses: p.integer().nullable(),
    uses: p.integer().default(0),
    createdAt: p.datetime(),
  }),
  checks: [
    { name: 'coupon_code_check', expression: "code = upper(code) and code <> ''" },
    {
      name: 'coupon_one_discount_check',
      expression: '(percent_off is null) <> (amount_off_cents is null)',
    },
    { name: 'coupon_percent_off_check', expression: 'percent_off >= 1 and percent_off <= 100' },
    { name: 'coupon_amount_off_cents_check', expression: 'amount_off_cents > 0' },
    { name: 'coupon_window_check', expression: 'valid_from < valid_until' },
    { name: 'coupon_max_uses_check', expression: 'max_uses >= 1' },
    { name: 'coupon_uses_check', expression: 'uses >= 0 and uses <= max_uses' },
  ],
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
    // How the checkout is paid (0011): a card token, or a PIX charge.
    paymentMethod: p.text().$type<PaymentMethod>().default('card'),
    cardToken: p.text().nullable(),
    pixTxid: p.text().nullable(),
    pixBrCode: p.text().nullable(),
    pixExpiresAt: p.datetime().nullable(),
    amountCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
    // Installments chosen (0009); the amounts are absent on checkouts taken before.
    installments: p.integer().default(1),
    installmentCents: p.integer().nullable(),
    lastInstallmentCents: p.integer().nullable(),
    // The coupon used and what it took off (0010); when its use was given back, if it was.
    couponCode: p
      .manyToOne(CouponEntity)
      .mapToPk()
      .nullable()
      .fieldName('coupon_code')
      .foreignKeyName('checkout_coupon_code_fkey')
      .updateRule('no action')
      .deleteRule('no action'),
    discountCents: p.integer().nullable(),
    couponUseReturnedAt: p.datetime().nullable(),
    status: p.text().$type<CheckoutStatus>(),
    declineReason: p.text().$type<DeclineReason>().nullable(),
    attempts: p.integer(),
    recoveries: p.integer().default(0),
    student: p.json<Contact>(),
    payer: p.json<Contact>(),
    cardBrand: p.text().nullable(),
    cardLast4: p.text().nullable(),
    language: p.text().$type<Language>().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    decidedAt: p.datetime().nullable(),
    clientKey: p.text().nullable(),
    // The seller's refund (0012): when asked, under which Idempotency-Key, when the money went back.
    refundRequestedAt: p.datetime().nullable(),
    refundKey: p.text().nullable(),
    refundedAt: p.datetime().nullable(),
  }),
  // One checkout per card token, one open or approved checkout per lead and course (0003).
  uniques: [
    { name: 'checkout_card_token_key', properties: 'cardToken' },
    { name: 'checkout_pix_txid_key', properties: 'pixTxid' },
    { name: 'checkout_refund_key_key', properties: 'refundKey' },
  ],
  indexes: [
    {
      name: 'checkout_open_purchase_key',
      expression: `create unique index "checkout_open_purchase_key" on "financial"."checkout" ("lead_id", "course_id") where "status" <> 'declined'`,
    },
    {
      name: 'checkout_processing_updated_at_idx',
      expression: `create index "checkout_processing_updated_at_idx" on "financial"."checkout" ("updated_at") where "status" = 'processing'`,
    },
    // Recent declines per lead and per client (0006).
    {
      name: 'checkout_declined_lead_idx',
      expression: `create index "checkout_declined_lead_idx" on "financial"."checkout" ("lead_id", "decided_at") where "status" = 'declined'`,
    },
    {
      name: 'checkout_declined_client_idx',
      expression: `create index "checkout_declined_client_idx" on "financial"."checkout" ("client_key", "decided_at") where "status" = 'declined'`,
    },
    // The seller's sales, newest approval first (0012).
    {
      name: 'checkout_sales_idx',
      expression: `create index "checkout_sales_idx" on "financial"."checkout" ("decided_at" desc, "id" desc) where "status" in ('approved', 'refunded')`,
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

/**
 * The payer of a checkout, apart from the checkout's row (0005): the charge machinery, the
 * sweeper and the API never load it, and it can be kept or erased under its own retention rule.
 */
export const PayerEntity = defineEntity({
  name: 'Payer',
  tableName: 'payer',
  properties: (p) => ({
    checkoutId: p
      .oneToOne(CheckoutEntity)
      .owner()
      .primary()
      .mapToPk()
      .fieldName('checkout_id')
      .foreignKeyName('payer_checkout_id_fkey')
      .updateRule('no action')
      .deleteRule('cascade'),
    type: p.text().$type<PayerType>(),
    name: p.text(),
    email: p.text(),
    document: p.text(),
    phone: p.text(),
    postalCode: p.text(),
    street: p.text(),
    number: p.text(),
    complement: p.text().nullable(),
    district: p.text(),
    city: p.text(),
    state: p.text(),
  }),
});

/** Payment's answer for each attempt of a checkout, once per attempt number (0005). */
export const ChargeAttemptEntity = defineEntity({
  name: 'ChargeAttempt',
  tableName: 'charge_attempt',
  properties: (p) => ({
    checkoutId: p
      .manyToOne(CheckoutEntity)
      .primary()
      .mapToPk()
      .fieldName('checkout_id')
      .foreignKeyName('charge_attempt_checkout_id_fkey')
      .updateRule('no action')
      .deleteRule('cascade'),
    number: p.integer().primary(),
    outcome: p.text().$type<ChargeOutcome>(),
    declineReason: p.text().$type<DeclineReason>().nullable(),
    at: p.datetime(),
  }),
});

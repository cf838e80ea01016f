import { defineEntity } from '@mikro-orm/core';
import type { DeclineReason } from '@checkout/contracts';
import type { AcquirerAnswer } from '../../domain/simulated-acquirer';

/** One try at the acquirer; never holds card data. */
export const GatewayAttemptEntity = defineEntity({
  name: 'GatewayAttempt',
  tableName: 'gateway_attempt',
  properties: (p) => ({
    checkoutId: p.text().primary(),
    attempt: p.integer().primary(),
    outcome: p.text().$type<AcquirerAnswer['outcome']>(),
    declineReason: p.text().$type<DeclineReason>().nullable(),
    attemptedAt: p.datetime().onCreate(() => new Date()),
  }),
  primaryKeys: ['checkoutId', 'attempt'],
});

/**
 * The simulated acquirer's own records: what a real gateway keeps on its side, one row per
 * idempotency key. Never a card number.
 */
export const SimulatedAcquirerChargeEntity = defineEntity({
  name: 'SimulatedAcquirerCharge',
  tableName: 'simulated_acquirer_charge',
  properties: (p) => ({
    idempotencyKey: p.text().primary(),
    reference: p.text(),
    amountCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
    // 0005: the total above is paid in this many installments.
    installments: p.integer().default(1),
    outcome: p.text().$type<AcquirerAnswer['outcome']>(),
    declineReason: p.text().$type<DeclineReason>().nullable(),
    chargedAt: p.datetime(),
  }),
  indexes: [{ name: 'simulated_acquirer_charge_reference_idx', properties: 'reference' }],
});

/** A PIX charge financial opened (0006), and the payment that paid it once it came. */
export const PixChargeEntity = defineEntity({
  name: 'PixCharge',
  tableName: 'pix_charge',
  properties: (p) => ({
    txid: p.text().primary(),
    checkoutId: p.text(),
    amountCents: p.integer(),
    expiresAt: p.datetime(),
    endToEndId: p.text().nullable(),
    paidAt: p.datetime().nullable(),
  }),
  uniques: [{ name: 'pix_charge_end_to_end_id_key', properties: 'endToEndId' }],
});

/**
 * The simulators' refunds (0007): the acquirer's for a card, the PIX provider's devolução, one
 * row per idempotency key as a real provider keeps them.
 */
export const SimulatedRefundEntity = defineEntity({
  name: 'SimulatedRefund',
  tableName: 'simulated_refund',
  properties: (p) => ({
    idempotencyKey: p.text().primary(),
    reference: p.text(),
    paymentMethod: p.text().$type<'card' | 'pix'>(),
    amountCents: p.integer(),
    currency: p.text().$type<'BRL'>(),
    refundedAt: p.datetime(),
  }),
  indexes: [{ name: 'simulated_refund_reference_idx', properties: 'reference' }],
});

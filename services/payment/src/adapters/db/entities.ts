import { defineEntity } from '@mikro-orm/core';

/** One try at the acquirer; never holds card data. */
export const GatewayAttemptEntity = defineEntity({
  name: 'GatewayAttempt',
  tableName: 'gateway_attempt',
  properties: (p) => ({
    checkoutId: p.string().primary(),
    attempt: p.integer().primary(),
    outcome: p.string(),
    declineReason: p.string().nullable(),
    attemptedAt: p.datetime().onCreate(() => new Date()),
  }),
  primaryKeys: ['checkoutId', 'attempt'],
});

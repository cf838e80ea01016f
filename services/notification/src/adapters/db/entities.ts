import { defineEntity } from '@mikro-orm/core';

/** Which e-mail went out for which event (never its body: it may hold an activation link). */
export const SentEmailEntity = defineEntity({
  name: 'SentEmail',
  tableName: 'sent_email',
  properties: (p) => ({
    eventId: p.text().primary(),
    template: p.text().primary(),
    recipient: p.text(),
    messageId: p.text(),
    sentAt: p.datetime().onCreate(() => new Date()),
  }),
  primaryKeys: ['eventId', 'template'],
});

/**
 * An e-mail not sent yet (`pending`) or given up (`failed`). Pending rows hold what the template
 * needs, the activation token only sealed; a sent e-mail leaves this table for `sent_email`, and
 * a failed one keeps only why. `next_attempt_at` doubles as the lease of the replica sending it.
 */
export const EmailDeliveryEntity = defineEntity({
  name: 'EmailDelivery',
  tableName: 'email_delivery',
  properties: (p) => ({
    eventId: p.text().primary(),
    template: p.text().primary(),
    recipient: p.text(),
    data: p.json<object>().nullable(),
    status: p.enum(['pending', 'failed']),
    attempts: p.integer(),
    nextAttemptAt: p.datetime(),
    giveUpAt: p.datetime(),
    lastError: p.text().nullable(),
    queuedAt: p.datetime(),
    eventOccurredAt: p.datetime().nullable(),
    traceparent: p.text().nullable(),
  }),
  primaryKeys: ['eventId', 'template'],
  indexes: [
    {
      name: 'email_delivery_due_idx',
      expression: `create index "email_delivery_due_idx" on "notification"."email_delivery" ("next_attempt_at") where "status" = 'pending'`,
    },
  ],
});

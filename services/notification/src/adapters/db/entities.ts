import { defineEntity } from '@mikro-orm/core';

/** Which e-mail went out for which event (never its body: it may hold an activation link). */
export const SentEmailEntity = defineEntity({
  name: 'SentEmail',
  tableName: 'sent_email',
  properties: (p) => ({
    eventId: p.string().primary(),
    template: p.string().primary(),
    recipient: p.string(),
    messageId: p.string(),
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
    eventId: p.string().primary(),
    template: p.string().primary(),
    recipient: p.string(),
    data: p.json<object>().nullable(),
    status: p.string().$type<'pending' | 'failed'>(),
    attempts: p.integer(),
    nextAttemptAt: p.datetime(),
    giveUpAt: p.datetime(),
    lastError: p.string().nullable(),
    queuedAt: p.datetime(),
  }),
  primaryKeys: ['eventId', 'template'],
});

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

import {
  inboxOf,
  insertIfAbsent,
  type Database,
  type TransactionRunner,
} from '@checkout/service-kit';
import { LockMode } from '@mikro-orm/core';
import { recipientOf } from '../../app/compose-email';
import type { ClaimedEmail, EmailContent, EmailQueue, PendingEmails } from '../../app/ports';
import { EmailDeliveryEntity, SentEmailEntity } from './entities';

/** The row of a claimed e-mail, as long as this claim holds it (its attempt count fences it). */
const heldBy = ({ eventId, content, attempts }: ClaimedEmail) => ({
  eventId,
  template: content.template,
  attempts,
  status: 'pending' as const,
});

export function createMikroOrmEmailQueue(
  orm: Database,
  transactions: TransactionRunner,
): EmailQueue {
  return {
    ...inboxOf<PendingEmails>(transactions, ({ em }) => ({
      add: ({ eventId, content, to, giveUpAt, now }) =>
        insertIfAbsent(em, EmailDeliveryEntity, {
          eventId,
          template: content.template,
          recipient: to,
          data: content.data,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          giveUpAt,
          lastError: null,
          queuedAt: now,
        }),
    })),

    // FOR UPDATE SKIP LOCKED, then the lease, in one short transaction: replicas never share one.
    claimDue: (limit, now, leaseUntil) =>
      orm.em.fork().transactional(async (em) => {
        const rows = await em.find(
          EmailDeliveryEntity,
          { status: 'pending', nextAttemptAt: { $lte: now } },
          {
            orderBy: { nextAttemptAt: 'asc' },
            limit,
            lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
          },
        );
        return rows.map((row) => {
          row.attempts += 1;
          row.nextAttemptAt = leaseUntil;
          return {
            eventId: row.eventId,
            content: { template: row.template, data: row.data } as EmailContent,
            attempts: row.attempts,
            giveUpAt: row.giveUpAt,
          };
        });
      }),

    markSent: (email, messageId) =>
      orm.em.fork().transactional(async (em) => {
        if ((await em.nativeDelete(EmailDeliveryEntity, heldBy(email))) === 0) return false;
        em.create(SentEmailEntity, {
          eventId: email.eventId,
          template: email.content.template,
          recipient: recipientOf(email.content),
          messageId,
        });
        return true;
      }),

    retryLater: async (email, at, reason) => {
      await orm.em
        .fork()
        .nativeUpdate(EmailDeliveryEntity, heldBy(email), { nextAttemptAt: at, lastError: reason });
    },

    markFailed: async (email, reason) => {
      await orm.em.fork().nativeUpdate(EmailDeliveryEntity, heldBy(email), {
        status: 'failed',
        data: null,
        lastError: reason,
      });
    },
  };
}

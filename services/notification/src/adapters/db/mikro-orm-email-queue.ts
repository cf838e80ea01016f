import {
  inboxOf,
  insertIfAbsent,
  type Database,
  type TransactionRunner,
} from '@checkout/service-kit';
import { LockMode } from '@mikro-orm/core';
import type { ClaimedEmail, EmailContent, EmailQueue, PendingEmails } from '../../app/ports';
import { EmailDeliveryEntity } from './entities';

/** The row of a claimed e-mail, as long as this claim holds it (its attempt count fences it). */
const heldBy = ({ eventId, content, attempts }: ClaimedEmail) => ({
  eventId,
  template: content.template,
  attempts,
  status: 'pending' as const,
});

const markSentSql = `with sent as (
    delete from "notification"."email_delivery"
    where "event_id" = ? and "template" = ? and "attempts" = ? and "status" = 'pending'
    returning "event_id", "template", "recipient")
  insert into "notification"."sent_email" ("event_id", "template", "recipient", "message_id", "sent_at")
  select "event_id", "template", "recipient", ?, ? from sent`;

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

    // One statement, run for every e-mail sent: the row moves only if this claim still holds it.
    markSent: async (email, messageId) => {
      const { eventId, template, attempts } = heldBy(email);
      const { affectedRows } = await orm.em
        .fork()
        .execute<{ affectedRows: number }>(
          markSentSql,
          [eventId, template, attempts, messageId, new Date()],
          'run',
        );
      return affectedRows > 0;
    },

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

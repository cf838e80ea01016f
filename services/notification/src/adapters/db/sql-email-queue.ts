import { activeTraceparent, sqlOf, type Database } from '@checkout/service-kit';
import type { ClaimedEmail, EmailContent, EmailQueue } from '../../app/ports';

interface ClaimedRow {
  event_id: string;
  template: EmailContent['template'];
  data: EmailContent['data'];
  attempts: number;
  give_up_at: Date;
  event_occurred_at: Date | null;
  traceparent: string | null;
}

// The row of a claimed e-mail, as long as this claim holds it (its attempt count fences it).
const heldBy = `"event_id" = $1 and "template" = $2 and "attempts" = $3 and "status" = 'pending'`;
const held = ({ eventId, content, attempts }: ClaimedEmail) => [
  eventId,
  content.template,
  attempts,
];

/**
 * The e-mail queue in plain SQL, one statement per step, each run for every e-mail. A lease is
 * taken with FOR UPDATE SKIP LOCKED in the same statement, so replicas never share one.
 */
export function createSqlEmailQueue(orm: Database): EmailQueue {
  const sql = sqlOf(orm);
  return {
    // The inbox row and the e-mail in one statement, so one commit and no transaction to open;
    // the e-mail keeps the trace of the event, which its send continues later.
    addOnce: async ({ id, consumer }, { content, to, giveUpAt, eventOccurredAt, now }) =>
      (await sql.run(
        `with handled as (
          insert into "notification"."inbox_entry" ("event_id", "consumer", "handled_at")
            values ($1, $2, $3) on conflict do nothing returning "event_id")
        insert into "notification"."email_delivery" ("event_id", "template", "recipient",
          "data", "status", "attempts", "next_attempt_at", "give_up_at", "queued_at",
          "event_occurred_at", "traceparent")
          select "event_id", $4, $5, $6::jsonb, 'pending', 0, $3, $7::timestamptz, $3,
            $8::timestamptz, $9 from handled
          on conflict do nothing`,
        [
          id,
          consumer,
          now,
          content.template,
          to,
          content.data,
          giveUpAt,
          eventOccurredAt,
          activeTraceparent() ?? null,
        ],
      )) > 0,

    claimDue: async (limit, now, leaseUntil) => {
      const rows = await sql.rows<ClaimedRow>(
        `update "notification"."email_delivery" set "attempts" = "attempts" + 1,
          "next_attempt_at" = $3
          where ("event_id", "template") in (
            select "event_id", "template" from "notification"."email_delivery"
            where "status" = 'pending' and "next_attempt_at" <= $1
            order by "next_attempt_at" limit $2 for update skip locked)
          returning "event_id", "template", "data", "attempts", "give_up_at", "event_occurred_at",
            "traceparent"`,
        [now, limit, leaseUntil],
      );
      return rows.map((row) => ({
        eventId: row.event_id,
        content: { template: row.template, data: row.data } as EmailContent,
        attempts: row.attempts,
        giveUpAt: row.give_up_at,
        ...(row.event_occurred_at && { eventOccurredAt: row.event_occurred_at }),
        traceparent: row.traceparent ?? undefined,
      }));
    },

    // The leased row moves to the sent e-mails only if this claim still holds it.
    markSent: async (email, messageId) =>
      (await sql.run(
        `with sent as (
          delete from "notification"."email_delivery" where ${heldBy}
          returning "event_id", "template", "recipient")
        insert into "notification"."sent_email"
          ("event_id", "template", "recipient", "message_id", "sent_at")
          select "event_id", "template", "recipient", $4, $5 from sent`,
        [...held(email), messageId, new Date()],
      )) > 0,

    retryLater: async (email, at, reason) => {
      await sql.run(
        `update "notification"."email_delivery" set "next_attempt_at" = $4, "last_error" = $5
          where ${heldBy}`,
        [...held(email), at, reason],
      );
    },

    markFailed: async (email, reason) => {
      await sql.run(
        `update "notification"."email_delivery" set "status" = 'failed', "data" = null,
          "last_error" = $4 where ${heldBy}`,
        [...held(email), reason],
      );
    },
  };
}

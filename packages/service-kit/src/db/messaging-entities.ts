import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { SchemaMigration } from './schema-migration';

/** An event waiting to be published; written in the same transaction as the change it reports. */
export const OutboxEvent = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: (p) => ({
    id: p.text().primary(),
    topic: p.text(),
    version: p.integer(),
    data: p.json<Record<string, unknown>>(),
    occurredAt: p.datetime(),
    availableAt: p.datetime(),
    /** The W3C trace context of the transaction that wrote it; null when nothing was traced. */
    traceparent: p.text().nullable(),
  }),
  indexes: [{ name: 'outbox_event_available_at_idx', properties: 'availableAt' }],
});
export type OutboxEvent = InferEntity<typeof OutboxEvent>;

/** An event a consumer has already handled; its effect was committed with this row. */
export const InboxEntry = defineEntity({
  name: 'InboxEntry',
  tableName: 'inbox_entry',
  properties: (p) => ({
    eventId: p.text().primary(),
    consumer: p.text().primary(),
    handledAt: p.datetime(),
  }),
  primaryKeys: ['eventId', 'consumer'],
});

/** SQL for the two tables above; the first migration of every service runs it. */
export const messagingTablesSql = [
  `create table "outbox_event" ("id" text primary key, "topic" text not null, "version" int not null,
     "data" jsonb not null, "occurred_at" timestamptz not null, "available_at" timestamptz not null)`,
  `create index "outbox_event_available_at_idx" on "outbox_event" ("available_at")`,
  `create table "inbox_entry" ("event_id" text not null, "consumer" text not null,
     "handled_at" timestamptz not null, primary key ("event_id", "consumer"))`,
];

/** The trace context column of the outbox (added after the first migration of every service). */
export class AddOutboxTraceparent extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(`alter table "outbox_event" add column "traceparent" text`);
  }
}

import { defineEntity } from '@mikro-orm/core';
import type { EventMessage } from '../events/event-bus';
import { schemaOf, type Database } from './open-database';
import { SchemaMigration } from './schema-migration';
import { sqlOf } from './sql';

/** A message whose handling kept failing (or was refused): kept whole, so it can be replayed. */
export const DeadLetter = defineEntity({
  name: 'DeadLetter',
  tableName: 'dead_letter',
  properties: (p) => ({
    eventId: p.text().primary(),
    topic: p.text(),
    version: p.integer(),
    data: p.json<unknown>(),
    receivedAt: p.datetime(),
  }),
});

export class CreateDeadLetterTable extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      `create table "dead_letter" ("event_id" text primary key, "topic" text not null, "version" int not null,
         "data" jsonb not null, "received_at" timestamptz not null)`,
    );
  }
}

export const deadLetterMigration = {
  name: '0002-create-dead-letter-table',
  class: CreateDeadLetterTable,
};

/** Stores a dead letter once, however often it is delivered. */
export async function storeDeadLetter(orm: Database, message: EventMessage): Promise<void> {
  const { id, topic, version, data } = message;
  await sqlOf(orm).run(
    `insert into "${schemaOf(orm)}"."dead_letter" ("event_id", "topic", "version", "data", "received_at")
      values ($1, $2, $3, $4, $5) on conflict do nothing`,
    [id, topic, version, JSON.stringify(data), new Date()],
  );
}

/**
 * Moves dead letters (all, or the given event ids) back into the outbox under their own ids:
 * the running service's relay publishes them again, and consumers that had already handled
 * them skip them by their inbox. Returns how many were moved.
 */
export function replayDeadLetters(orm: Database, eventIds?: string[]): Promise<number> {
  const schema = schemaOf(orm);
  return sqlOf(orm).run(
    `with moved as (
      delete from "${schema}"."dead_letter" where $1::text[] is null or "event_id" = any($1)
      returning "event_id", "topic", "version", "data")
    insert into "${schema}"."outbox_event" ("id", "topic", "version", "data", "occurred_at", "available_at")
      select "event_id", "topic", "version", "data", $2, $2 from moved`,
    [eventIds?.length ? eventIds : null, new Date()],
  );
}

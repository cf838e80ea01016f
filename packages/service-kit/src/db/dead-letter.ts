import { defineEntity } from '@mikro-orm/core';
import type { EventMessage } from '../events/event-bus';
import { insertIfAbsent } from './insert-if-absent';
import { OutboxEvent } from './messaging-entities';
import type { Database } from './open-database';
import { SchemaMigration } from './schema-migration';

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
  await insertIfAbsent(orm.em.fork(), DeadLetter, {
    eventId: id,
    topic,
    version,
    data,
    receivedAt: new Date(),
  });
}

/**
 * Moves dead letters (all, or the given event ids) back into the outbox under their own ids:
 * the running service's relay publishes them again, and consumers that had already handled
 * them skip them by their inbox. Returns how many were moved.
 */
export async function replayDeadLetters(orm: Database, eventIds?: string[]): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const letters = await em.find(
      DeadLetter,
      eventIds?.length ? { eventId: { $in: eventIds } } : {},
    );
    const now = new Date();
    for (const letter of letters) {
      em.create(OutboxEvent, {
        id: letter.eventId,
        topic: letter.topic,
        version: letter.version,
        data: letter.data,
        occurredAt: now,
        availableAt: now,
      });
      em.remove(letter);
    }
    return letters.length;
  });
}

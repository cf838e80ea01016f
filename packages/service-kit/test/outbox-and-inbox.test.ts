import { defineEntity } from '@mikro-orm/core';
import { Type } from '@sinclair/typebox';
import { createTestDatabase, waitUntil } from '@checkout/test-kit';
import {
  AddOutboxTraceparent,
  InProcessEventBus,
  OutboxEvent,
  OutboxRelay,
  SchemaMigration,
  TransactionRunner,
  createLogger,
  inboxOf,
  messagingTablesSql,
  migrateDatabase,
  openDatabase,
  subscribeTo,
  type Database,
  type EventMessage,
  type Sql,
} from '../src';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: (p) => ({ id: p.string().primary(), text: p.string() }),
});
class CreateNotes extends SchemaMigration {
  override up(): void {
    this.inServiceSchema(
      ...messagingTablesSql,
      'create table "note" ("id" text primary key, "text" text not null)',
    );
  }
}
const NoteWritten = {
  topic: 'note.written',
  version: 1,
  schema: Type.Object({ id: Type.String() }),
};
const logger = createLogger('test', 'silent');
const addNote = (sql: Sql, id: string, text: string) =>
  sql.run('insert into "kit"."note" ("id", "text") values ($1, $2)', [id, text]);

let orm: Database;
beforeAll(async () => {
  orm = await openDatabase(
    {
      schema: 'kit',
      entities: [Note],
      migrations: [
        { name: '0001', class: CreateNotes },
        { name: '0002', class: AddOutboxTraceparent },
      ],
    },
    await createTestDatabase(),
  );
  await migrateDatabase(orm);
});
afterAll(() => orm.close());

const outboxSize = () => orm.em.fork().count(OutboxEvent, {});

describe('the outbox', () => {
  it('keeps nothing of a rolled-back transaction, neither the change nor its event', async () => {
    const bus = new InProcessEventBus(logger);
    const transactions = new TransactionRunner(orm, new OutboxRelay(orm, bus, logger));
    await expect(
      transactions.run(async ({ sql, publish }) => {
        await addNote(sql, 'rolled-back', 'x');
        publish(NoteWritten, { id: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await orm.em.fork().findOne(Note, { id: 'rolled-back' })).toBeNull();
    expect(await outboxSize()).toBe(0);
  });

  it('keeps the event while the bus refuses it, and publishes it with its id once the bus accepts', async () => {
    const delivered: EventMessage[] = [];
    let busUp = false;
    let refused = 0;
    const bus = new InProcessEventBus(logger);
    const realPublish = bus.publish.bind(bus);
    bus.subscribe(NoteWritten.topic, 'reader', async (m) => {
      delivered.push(m);
      return 'SUCCESS';
    });
    const flakyBus = {
      subscribe: bus.subscribe.bind(bus),
      publish: async (m: EventMessage) =>
        busUp ? realPublish(m) : (refused++, Promise.reject(new Error('broker down'))),
    };
    const relay = new OutboxRelay(orm, flakyBus, logger, 20);
    const transactions = new TransactionRunner(orm, relay);
    await transactions.run(async ({ sql, publish }) => {
      await addNote(sql, 'n-1', 'hello');
      publish(NoteWritten, { id: 'n-1' });
    });
    await waitUntil('the relay to offer the event to the bus that refuses it', () =>
      refused > 0 ? true : undefined,
    );
    expect(delivered).toHaveLength(0);
    expect(await outboxSize()).toBe(1);
    const [stored] = await orm.em.fork().find(OutboxEvent, {});

    busUp = true;
    relay.start();
    await waitUntil('the event to be delivered once the bus accepts', () => delivered[0]);
    await relay.stop();
    expect(delivered[0]).toMatchObject({
      id: stored?.id,
      topic: NoteWritten.topic,
      version: 1,
      data: { id: 'n-1' },
    });
    expect(await outboxSize()).toBe(0);
  });
});

describe('the inbox', () => {
  const inbox = () =>
    inboxOf(
      new TransactionRunner(orm, new OutboxRelay(orm, new InProcessEventBus(logger), logger)),
      ({ sql }) => ({ addNote: (id: string) => addNote(sql, id, 'once') }),
    );

  it('runs the effect of an event once per consumer', async () => {
    const notes = inbox();
    const write = (consumer: string) =>
      notes.handleOnce({ id: 'event-1', consumer }, async (tx) => {
        await tx.addNote(`${consumer}-note`);
      });
    expect(await write('a')).toEqual({ duplicate: false, result: undefined });
    expect(await write('a')).toEqual({ duplicate: true });
    expect(await write('b')).toEqual({ duplicate: false, result: undefined });
    expect(await orm.em.fork().count(Note, { text: 'once' })).toBe(2);
  });

  it('lets a failed effect be retried: the inbox row rolls back with it', async () => {
    const notes = inbox();
    const delivery = { id: 'event-2', consumer: 'c' };
    await expect(
      notes.handleOnce(delivery, async (tx) => {
        await tx.addNote('lost-note');
        throw new Error('smtp down');
      }),
    ).rejects.toThrow();
    expect(await orm.em.fork().count(Note, { id: 'lost-note' })).toBe(0);
    expect(await notes.handleOnce(delivery, async () => 'sent')).toEqual({
      duplicate: false,
      result: 'sent',
    });
  });
});

describe('typed subscriptions', () => {
  it('drops a message whose payload breaks the schema and retries a handler that throws', async () => {
    const statuses: string[] = [];
    const bus = {
      publish: async () => undefined,
      subscribe: (
        _topic: string,
        _consumer: string,
        handler: (m: EventMessage) => Promise<string>,
      ) => {
        const base = { id: 'x', topic: NoteWritten.topic, version: 1, occurredAt: '' };
        void (async () => {
          statuses.push(await handler({ ...base, data: { id: 42 } }));
          statuses.push(await handler({ ...base, version: 2, data: { id: 'n' } }));
          statuses.push(await handler({ ...base, data: { id: 'n' } }));
        })();
      },
    };
    subscribeTo(bus, NoteWritten, { service: 's', inbox: 's.c' }, logger, async () => {
      throw new Error('bug');
    });
    await waitUntil('the three deliveries to be answered', () =>
      statuses.length === 3 ? true : undefined,
    );
    expect(statuses).toEqual(['DROP', 'DROP', 'RETRY']);
  });
});

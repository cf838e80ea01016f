import { randomUUID } from 'node:crypto';
import type { EventData, EventDefinition } from '@checkout/contracts';
import { activeTraceparent } from '../tracing/trace-context';
import { schemaOf, type Database } from './open-database';
import type { OutboxRelay } from './outbox-relay';
import { inTransaction, type Sql } from './sql';

export interface Transaction {
  /** Statements in this transaction. */
  sql: Sql;
  /** Records an event in the outbox; it is published after the commit, `delayMs` later if given. */
  publish: <D extends EventDefinition>(
    definition: D,
    data: EventData<D>,
    options?: { delayMs?: number },
  ) => void;
}

interface OutboxRow {
  topic: string;
  version: number;
  data: object;
  delayMs: number;
}

/** Runs units of work: state changes and the events they cause commit together. */
export class TransactionRunner {
  /** The schema of the service's tables. */
  readonly schema: string;
  private readonly insertOutboxSql: string;

  constructor(
    private readonly orm: Database,
    private readonly relay: OutboxRelay,
  ) {
    this.schema = schemaOf(orm);
    this.insertOutboxSql = `insert into "${this.schema}"."outbox_event"
      ("id", "topic", "version", "data", "occurred_at", "available_at", "traceparent")
      select unnest($1::text[]), unnest($2::text[]), unnest($3::int[]), unnest($4::jsonb[]), $5,
        $5::timestamptz + unnest($6::int[]) * interval '1 millisecond', $7`;
  }

  async run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    const events: OutboxRow[] = [];
    const result = await inTransaction(this.orm, async (sql) => {
      const done = await work({
        sql,
        publish: (definition, data, options) =>
          void events.push({
            topic: definition.topic,
            version: definition.version,
            data,
            delayMs: options?.delayMs ?? 0,
          }),
      });
      if (events.length > 0) await this.insertOutbox(sql, events);
      return done;
    });
    for (const delayMs of new Set(events.map((event) => event.delayMs))) {
      if (delayMs > 0) this.relay.notifyAfter(delayMs);
      else this.relay.eventsCommitted();
    }
    return result;
  }

  /** All of a transaction's events in one statement, each keeping the trace that caused it. */
  private insertOutbox(sql: Sql, events: OutboxRow[]): Promise<number> {
    return sql.run(this.insertOutboxSql, [
      events.map(() => randomUUID()),
      events.map((event) => event.topic),
      events.map((event) => event.version),
      events.map((event) => JSON.stringify(event.data)),
      new Date(),
      events.map((event) => event.delayMs),
      activeTraceparent() ?? null,
    ]);
  }
}

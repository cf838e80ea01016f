import { randomUUID } from 'node:crypto';
import type { EventData, EventDefinition } from '@checkout/contracts';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent } from './messaging-entities';
import type { Database } from './open-database';
import type { OutboxRelay } from './outbox-relay';

export interface Transaction {
  em: EntityManager;
  /** Records an event in the outbox; it is published after the commit, `delayMs` later if given. */
  publish: <D extends EventDefinition>(
    definition: D,
    data: EventData<D>,
    options?: { delayMs?: number },
  ) => void;
}

/** Runs units of work: state changes and the events they cause commit together. */
export class TransactionRunner {
  constructor(
    private readonly orm: Database,
    private readonly relay: OutboxRelay,
  ) {}

  async run<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
    const delays = new Set<number>();
    const result = await this.orm.em.fork().transactional((em) =>
      work({
        em,
        publish: (definition, data, options) => {
          const now = new Date();
          em.create(OutboxEvent, {
            id: randomUUID(),
            topic: definition.topic,
            version: definition.version,
            data,
            occurredAt: now,
            availableAt: new Date(now.getTime() + (options?.delayMs ?? 0)),
          });
          delays.add(options?.delayMs ?? 0);
        },
      }),
    );
    for (const delayMs of delays) {
      if (delayMs > 0) this.relay.notifyAfter(delayMs);
      else this.relay.notify();
    }
    return result;
  }
}

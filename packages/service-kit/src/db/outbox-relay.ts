import { LockMode } from '@mikro-orm/core';
import type { EventBus } from '../events/event-bus';
import { FaultReporter } from '../fault-reporter';
import { BackgroundLoop } from '../jobs/background-loop';
import type { Logger } from '../logger';
import { OutboxEvent } from './messaging-entities';
import type { Database } from './open-database';

const batchSize = 20;

/**
 * Publishes outbox events: right after a commit (`notify`), when a delayed event falls due
 * (`notifyAfter`) and, as a fallback, on a timer. A row is deleted in the same transaction that
 * saw the bus accept it; rows locked by another replica are skipped, so replicas share the work.
 */
export class OutboxRelay extends BackgroundLoop {
  // Through an outage a line per interval rather than per attempt.
  private readonly publishFaults: FaultReporter;

  constructor(
    private readonly orm: Database,
    private readonly bus: EventBus,
    logger: Logger,
    pollIntervalMs = 500,
  ) {
    super(
      'outbox relay',
      async (loop) => {
        while ((await this.publishBatch()) === batchSize && !loop.stopping());
      },
      logger,
      pollIntervalMs,
    );
    this.publishFaults = new FaultReporter(logger, 'outbox publish');
  }

  /** Returns how many events it published. */
  private publishBatch(): Promise<number> {
    return this.orm.em.fork().transactional(async (em) => {
      const events = await em.find(
        OutboxEvent,
        { availableAt: { $lte: new Date() } },
        {
          orderBy: { occurredAt: 'asc' },
          limit: batchSize,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        },
      );
      let published = 0;
      for (const event of events) {
        try {
          const { id, topic, version, data, occurredAt } = event;
          await this.bus.publish({
            id,
            topic,
            version,
            data,
            occurredAt: occurredAt.toISOString(),
          });
        } catch (error) {
          this.publishFaults.failed(error, { eventId: event.id, topic: event.topic });
          break;
        }
        this.publishFaults.succeeded();
        await em.nativeDelete(OutboxEvent, { id: event.id });
        published++;
      }
      return published;
    });
  }
}

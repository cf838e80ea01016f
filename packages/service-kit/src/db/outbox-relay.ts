import { LockMode } from '@mikro-orm/core';
import type { EventBus } from '../events/event-bus';
import { FaultReporter } from '../fault-reporter';
import type { Logger } from '../logger';
import { OutboxEvent } from './messaging-entities';
import type { Database } from './open-database';

const batchSize = 20;

/**
 * Publishes outbox events: right after a commit (`notify`) and, as a fallback, on a timer.
 * A row is deleted in the same transaction that saw the bus accept it; rows locked by another
 * replica are skipped, so replicas share the work.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private readonly wakeUps = new Set<NodeJS.Timeout>();
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  private stopped = false;
  // It retries every poll: through an outage, a line per interval rather than per attempt.
  private readonly drainFaults: FaultReporter;
  private readonly publishFaults: FaultReporter;

  constructor(
    private readonly orm: Database,
    private readonly bus: EventBus,
    logger: Logger,
    private readonly pollIntervalMs = 500,
  ) {
    this.drainFaults = new FaultReporter(logger, 'outbox relay');
    this.publishFaults = new FaultReporter(logger, 'outbox publish');
  }

  start(): void {
    this.timer = setInterval(() => this.notify(), this.pollIntervalMs);
    this.notify();
  }

  /** Stops publishing; events committed from now on wait in the outbox for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const wakeUp of this.wakeUps) clearTimeout(wakeUp);
    this.drainAgain = false;
    await this.draining;
  }

  /** For an event published with a delay: drain when it becomes due rather than at the next poll. */
  notifyAfter(delayMs: number): void {
    const wakeUp = setTimeout(() => {
      this.wakeUps.delete(wakeUp);
      this.notify();
    }, delayMs);
    this.wakeUps.add(wakeUp);
  }

  notify(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.drainAgain = true;
      return;
    }
    this.draining = this.drain()
      .then(
        () => this.drainFaults.succeeded(),
        (error: unknown) => this.drainFaults.failed(error),
      )
      .finally(() => {
        this.draining = undefined;
        if (this.drainAgain) {
          this.drainAgain = false;
          this.notify();
        }
      });
  }

  private async drain(): Promise<void> {
    while ((await this.publishBatch()) === batchSize);
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

import type { EventBus } from '../events/event-bus';
import { FaultReporter } from '../fault-reporter';
import { BackgroundLoop } from '../jobs/background-loop';
import type { Logger } from '../logger';
import { schemaOf, type Database } from './open-database';
import { inTransaction } from './sql';

const batchSize = 50;

interface OutboxRow {
  id: string;
  topic: string;
  version: number;
  data: Record<string, unknown>;
  occurred_at: Date;
}

/**
 * Publishes outbox events: right after a commit (`notify`), when a delayed event falls due
 * (`notifyAfter`) and, as a fallback, on a timer. A batch is locked, offered to the bus side by
 * side (consumers never relied on order: Dapr gives none either) and the accepted rows deleted in
 * the transaction that locked them, so a crash midway leaves them to publish again. Rows locked by
 * another replica are skipped, so replicas share the work.
 */
export class OutboxRelay extends BackgroundLoop {
  // Through an outage a line per interval rather than per attempt.
  private readonly publishFaults: FaultReporter;
  private readonly lockDueSql: string;
  private readonly deleteSql: string;

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
    const table = `"${schemaOf(orm)}"."outbox_event"`;
    this.lockDueSql = `select id, topic, version, data, occurred_at from ${table}
      where available_at <= $1 order by occurred_at limit ${batchSize} for update skip locked`;
    this.deleteSql = `delete from ${table} where id = any($1)`;
  }

  /** Returns how many events it published. */
  private publishBatch(): Promise<number> {
    return inTransaction(this.orm, async (sql) => {
      const rows = await sql.rows<OutboxRow>(this.lockDueSql, [new Date()]);
      const accepted = await Promise.all(rows.map((row) => this.offer(row)));
      const published = rows.filter((_, i) => accepted[i]).map((row) => row.id);
      if (published.length > 0) await sql.run(this.deleteSql, [published]);
      if (published.length > 0 && published.length === rows.length) this.publishFaults.succeeded();
      return published.length;
    });
  }

  /** True when the bus took the event. */
  private async offer({ id, topic, version, data, occurred_at }: OutboxRow): Promise<boolean> {
    try {
      await this.bus.publish({
        id,
        topic,
        version,
        data,
        occurredAt: occurred_at.toISOString(),
      });
      return true;
    } catch (error) {
      this.publishFaults.failed(error, { eventId: id, topic });
      return false;
    }
  }
}

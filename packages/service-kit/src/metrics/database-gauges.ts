import type { Knex } from '@mikro-orm/postgresql';
import { schemaOf, type Database } from '../db/open-database';
import { sqlOf } from '../db/sql';
import { gaugeReadAtScrape, sharedReading } from './gauges-at-scrape';

const watchOutboxBacklog = gaugeReadAtScrape(
  'checkout_outbox_backlog_events',
  'Events in the outbox that are due and not yet published.',
  'max',
);
const watchOutboxAge = gaugeReadAtScrape(
  'checkout_outbox_oldest_event_age_seconds',
  'How long the oldest due event of the outbox has waited to be published (0 when none).',
  'max',
);
const watchPoolInUse = gaugeReadAtScrape(
  'checkout_db_pool_connections_in_use',
  "Connections of the service's database pool lent out, summed over the processes.",
  'sum',
);

interface OutboxRow {
  backlog: number;
  age: number;
}

/**
 * The database gauges of one service: its outbox (one query per scrape for both series;
 * events scheduled for later are not late, so both count from when an event falls due) and its
 * pool. Returns how to stop watching.
 */
export function watchServiceDatabase(service: string, orm: Database): () => void {
  const sql = sqlOf(orm);
  const outbox = sharedReading(async () => {
    const [row] = await sql.rows<OutboxRow>(
      `select count(*)::int as "backlog",
         coalesce(extract(epoch from now() - min("available_at")), 0)::float8 as "age"
       from "${schemaOf(orm)}"."outbox_event" where "available_at" <= now()`,
    );
    return row;
  });
  const pool = () =>
    (orm.em.getKnex().client as Knex.Client & { pool?: { numUsed(): number } }).pool;
  const unwatch = [
    watchOutboxBacklog(service, async () => (await outbox())?.backlog),
    watchOutboxAge(service, async () => (await outbox())?.age),
    watchPoolInUse(service, () => Promise.resolve(pool()?.numUsed())),
  ];
  return () => unwatch.forEach((stop) => stop());
}

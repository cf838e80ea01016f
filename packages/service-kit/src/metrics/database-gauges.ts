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
const watchDeadLetters = gaugeReadAtScrape(
  'checkout_dead_letters',
  'Events in the dead-letter table waiting to be replayed or dropped (read from the table, so it survives restarts).',
  'max',
);
const watchPoolInUse = gaugeReadAtScrape(
  'checkout_db_pool_connections_in_use',
  "Connections of the service's database pool lent out, summed over the processes.",
  'sum',
);

interface StateRow {
  backlog: number;
  age: number;
  deadLetters: number;
}

/**
 * The database gauges of one service: its outbox and its dead letters (one query per scrape for
 * the three series; events scheduled for later are not late, so the outbox's count from when an
 * event falls due) and its pool. Returns how to stop watching.
 */
export function watchServiceDatabase(service: string, orm: Database): () => void {
  const sql = sqlOf(orm);
  const schema = schemaOf(orm);
  const state = sharedReading(async () => {
    const [row] = await sql.rows<StateRow>(
      `select count(*)::int as "backlog",
         coalesce(extract(epoch from now() - min("available_at")), 0)::float8 as "age",
         (select count(*)::int from "${schema}"."dead_letter") as "deadLetters"
       from "${schema}"."outbox_event" where "available_at" <= now()`,
    );
    return row;
  });
  const pool = () =>
    (orm.em.getKnex().client as Knex.Client & { pool?: { numUsed(): number } }).pool;
  const unwatch = [
    watchOutboxBacklog(service, async () => (await state())?.backlog),
    watchOutboxAge(service, async () => (await state())?.age),
    watchDeadLetters(service, async () => (await state())?.deadLetters),
    watchPoolInUse(service, () => Promise.resolve(pool()?.numUsed())),
  ];
  return () => unwatch.forEach((stop) => stop());
}

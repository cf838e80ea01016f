import {
  gaugeReadAtScrape,
  readWhileRunning,
  sqlOf,
  type BackgroundJob,
  type Database,
} from '@checkout/service-kit';

const watchOverdueCheckouts = gaugeReadAtScrape(
  'checkout_checkouts_processing_overdue',
  'Checkouts still processing longer after they were accepted than the stuck-charge threshold (CHARGE_STUCK_AFTER_SECONDS).',
  'max',
);

/**
 * The gauge of checkouts processing for too long, read with one query per scrape while the service
 * runs. Retries of a transient gateway failure take seconds, so one that stays here has needed the
 * sweeper, and one that stays for several thresholds is one the sweeper could not move on.
 */
export function overdueCheckoutsGauge(orm: Database, stuckAfterMs: number): BackgroundJob {
  const sql = sqlOf(orm);
  const read = async () => {
    const [row] = await sql.rows<{ overdue: number }>(
      `select count(*)::int as "overdue" from "financial"."checkout"
        where "status" = 'processing' and "payment_method" = 'card' and "created_at" < now() - $1 * interval '1 millisecond'`,
      [stuckAfterMs],
    );
    return row?.overdue;
  };
  return readWhileRunning(watchOverdueCheckouts, 'financial', read);
}

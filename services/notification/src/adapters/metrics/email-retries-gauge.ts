import {
  gaugeReadAtScrape,
  readWhileRunning,
  sqlOf,
  type BackgroundJob,
  type Database,
} from '@checkout/service-kit';

const watchPendingRetries = gaugeReadAtScrape(
  'checkout_email_retries_pending',
  'E-mails whose last send failed and that wait to be tried again.',
  'max',
);

/** The gauge of pending retries, read with one query per scrape while the service runs. */
export function emailRetriesGauge(orm: Database): BackgroundJob {
  const sql = sqlOf(orm);
  const read = async () => {
    const [row] = await sql.rows<{ pending: number }>(
      `select count(*)::int as "pending" from "notification"."email_delivery"
        where "status" = 'pending' and "last_error" is not null`,
    );
    return row?.pending;
  };
  return readWhileRunning(watchPendingRetries, 'notification', read);
}

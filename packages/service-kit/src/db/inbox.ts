import type { Transaction, TransactionRunner } from './transaction-runner';

/** An event as one consumer received it: the event's id and the name its inbox records. */
export interface InboxDelivery {
  id: string;
  consumer: string;
}

export type OnceResult<R> = { duplicate: true } | { duplicate: false; result: R };

/**
 * The inbox port every service that consumes events gives its use cases: the effect of an event
 * happens at most once per consumer, however often the event is delivered. `Tx` is what the
 * effect may do; it commits together with the inbox row.
 */
export interface Inbox<Tx> {
  /** Runs `work` unless this consumer already handled the event. */
  handleOnce<R>(delivery: InboxDelivery, work: (tx: Tx) => Promise<R>): Promise<OnceResult<R>>;
}

/**
 * The inbox of a service's database: the inbox row and the effect commit in one transaction, and
 * an event id already in the inbox is skipped. `view` turns the transaction into the service's
 * own port, so use cases never see SQL.
 */
export function inboxOf<Tx>(
  transactions: TransactionRunner,
  view: (tx: Transaction) => Tx,
): Inbox<Tx> {
  const recordSql = `insert into "${transactions.schema}"."inbox_entry" ("event_id", "consumer", "handled_at")
    values ($1, $2, $3) on conflict do nothing`;
  return {
    handleOnce: ({ id, consumer }, work) =>
      transactions.run(async (tx) => {
        const isNew = (await tx.sql.run(recordSql, [id, consumer, new Date()])) > 0;
        if (!isNew) return { duplicate: true };
        return { duplicate: false, result: await work(view(tx)) };
      }),
  };
}

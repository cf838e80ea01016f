import { Gauge } from 'prom-client';
import type { BackgroundJob } from '../jobs/background-loop';
import { metricsRegistry } from './registry';

type Aggregator = 'sum' | 'max';

/** Reads a service's value of a gauge; `undefined` leaves the series out. */
export type GaugeReader = () => Promise<number | undefined>;

/**
 * A gauge per service read only when scraped, so it costs nothing between scrapes. Under
 * `npm start` every worker answers the primary: a value read from shared state (the database)
 * takes `max` there, or it would count once per worker; a value of the process's own takes `sum`.
 * A reading that fails leaves the service's series out rather than showing a stale value.
 * Returns how a service registers its reader (and, by the returned function, withdraws it).
 */
export function gaugeReadAtScrape(name: string, help: string, aggregator: Aggregator) {
  const readers = new Map<string, GaugeReader>();
  const gauge: Gauge<'service'> = new Gauge({
    name,
    help,
    labelNames: ['service'],
    aggregator,
    registers: [metricsRegistry],
    collect: async () => {
      gauge.reset();
      await Promise.all(
        [...readers].map(async ([service, read]) => {
          const value = await read().catch(() => undefined);
          if (value !== undefined) gauge.set({ service }, value);
        }),
      );
    },
  });
  return (service: string, read: GaugeReader) => {
    readers.set(service, read);
    return () => void (readers.get(service) === read && readers.delete(service));
  };
}

/**
 * One reading shared by the gauges a single query feeds (a scrape reads every gauge at once):
 * the query runs once per scrape, not once per gauge.
 */
export function sharedReading<T>(read: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= read().finally(() => {
      pending = undefined;
    }));
}

/** A service's reader of a gauge, registered while the service runs (one of its jobs). */
export function readWhileRunning(
  watch: ReturnType<typeof gaugeReadAtScrape>,
  service: string,
  read: GaugeReader,
): BackgroundJob {
  let unwatch = () => {};
  return {
    start: () => {
      unwatch = watch(service, read);
    },
    stop: () => Promise.resolve(unwatch()),
  };
}

import type { Logger } from './logger';
import { stopTracing } from './tracing/start-tracing';

/** A repeat this soon is the same Ctrl-C: a terminal signals npm and us, and npm relays it. */
const sameSignalMs = 1_000;

/**
 * Runs `stop` once on SIGINT or SIGTERM, exports the spans still buffered, then exits 0. If it takes longer than `graceMs`, or
 * another signal comes later on, the process exits 1 at once: an operator is never stuck
 * behind a hung shutdown, and an orchestrator's kill never lands mid-way.
 */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, graceMs = 25_000): void {
  let startedAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (startedAt !== undefined) {
      if (Date.now() - startedAt < sameSignalMs) return;
      logger.warn({ signal }, 'signalled again; exiting without finishing the shutdown');
      process.exit(1);
    }
    startedAt = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, graceMs).unref();
    stop()
      // A collector that is gone costs only its spans, never the shutdown.
      .then(() => stopTracing().catch(() => {}))
      .then(
        () => {
          logger.info({ shutdownMs: Date.now() - (startedAt ?? 0) }, 'stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

import { FaultReporter } from '../fault-reporter';
import type { Logger } from '../logger';

/** Work a service does on a timer, started and stopped with the service. */
export interface PeriodicJob {
  start(): void;
  /** Stops the timer and waits for a run in progress to end. */
  stop(): Promise<void>;
}

/**
 * Runs `run` every `intervalMs`, never two at once. A failed run is reported (a few lines per
 * outage, not one per run) and the next one tries again; the work must be safe to run in several
 * replicas at the same time.
 */
export function periodicJob(
  name: string,
  intervalMs: number,
  run: () => Promise<void>,
  logger: Logger,
): PeriodicJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const faults = new FaultReporter(logger, name);
  const tick = () => {
    running ??= run()
      .then(
        () => faults.succeeded(),
        (error: unknown) => faults.failed(error),
      )
      .finally(() => (running = undefined));
  };
  return {
    start: () => {
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

import type { Logger } from './logger';

/**
 * Logs a component's repeated failures without flooding the log: the first failure at once, then
 * at most one line per interval with how many failures it stands for, and one line on recovery.
 * A relay retrying every half second through a 20 s outage writes a few lines, not forty.
 * Components that never learn of a success (an HTTP route that only sees its failures) start a
 * new run after an interval without failures.
 */
export class FaultReporter {
  private failingSince: number | undefined;
  private lastFailureAt = 0;
  private lastLineAt = 0;
  private unreported = 0;
  private failures = 0;

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
    private readonly intervalMs = 10_000,
  ) {}

  failed(error: unknown, context: object = {}): void {
    const now = Date.now();
    if (now - this.lastFailureAt > this.intervalMs) this.failingSince = undefined;
    this.lastFailureAt = now;
    if (this.failingSince === undefined) {
      this.failures = 1;
      this.unreported = 0;
      this.failingSince = now;
      this.lastLineAt = now;
      this.logger.error({ ...context, err: error }, `${this.what} failed; retrying`);
      return;
    }
    this.failures++;
    this.unreported++;
    if (now - this.lastLineAt < this.intervalMs) return;
    this.logger.error(
      { ...context, err: error, failures: this.unreported, failingForMs: now - this.failingSince },
      `${this.what} still failing`,
    );
    this.lastLineAt = now;
    this.unreported = 0;
  }

  /** Call after each success; it writes a line only when it ends a run of failures. */
  succeeded(): void {
    if (this.failingSince === undefined) return;
    this.logger.info(
      { failures: this.failures, failingForMs: Date.now() - this.failingSince },
      `${this.what} recovered`,
    );
    this.failingSince = undefined;
  }
}

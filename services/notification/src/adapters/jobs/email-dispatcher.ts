import type { Logger } from '@checkout/service-kit';
import {
  sendDueEmails,
  type AttemptOutcome,
  type SendDueEmailsDeps,
} from '../../app/send-due-emails';

const batchSize = 10;

/**
 * Sends queued e-mails: right after one is queued (`notify`) and, for retries that fall due and
 * e-mails leased by a replica that died, on a timer. One pass at a time; `stop` waits for the
 * sends under way to be marked, so a clean shutdown leaves nothing to resend.
 */
export class EmailDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private runAgain = false;
  private stopped = false;

  constructor(
    private readonly deps: SendDueEmailsDeps,
    private readonly logger: Logger,
    private readonly pollIntervalMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.notify(), this.pollIntervalMs);
    this.notify();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.runAgain = false;
    await this.running;
  }

  notify(): void {
    if (this.stopped) return;
    if (this.running) {
      this.runAgain = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.error({ err: error }, 'e-mail dispatch failed'))
      .finally(() => {
        this.running = undefined;
        if (this.runAgain) {
          this.runAgain = false;
          this.notify();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const outcomes = await sendDueEmails(this.deps, batchSize);
      outcomes.forEach((outcome) => this.report(outcome));
      if (outcomes.length < batchSize || this.stopped) return;
    }
  }

  /** Event ids, templates and codes only: addresses and links stay out of the log. */
  private report({ outcome, ...attempt }: AttemptOutcome): void {
    if (outcome === 'sent') this.logger.info(attempt, 'e-mail sent');
    // One warning per e-mail, not one per retry: an outage of hours must not flood the log.
    else if (outcome === 'retry')
      this.logger[attempt.attempts === 1 ? 'warn' : 'debug'](
        attempt,
        'e-mail not sent; will retry',
      );
    else if (outcome === 'lease_lost')
      this.logger.error(attempt, 'e-mail sent after its lease ran out; it may go out twice');
    else this.logger.error({ ...attempt, outcome }, 'e-mail given up');
  }
}

import { BackgroundLoop, businessMetrics, type Logger } from '@checkout/service-kit';
import {
  sendDueEmails,
  type AttemptOutcome,
  type SendDueEmailsDeps,
} from '../../app/send-due-emails';

/** Sends under way at once; the mailer's pool spreads them over its SMTP connections. */
const slots = 20;

/** Counts the attempt by template (`lease_lost` was sent too). */
function count({ outcome, template, eventOccurredAt }: AttemptOutcome): void {
  if (outcome === 'sent' || outcome === 'lease_lost')
    businessMetrics.emailSent('notification', template, eventOccurredAt);
  else businessMetrics.emailFailed('notification', template, outcome);
}

/** Event ids, templates and codes only: addresses and links stay out of the log. */
function report(logger: Logger, { outcome, eventOccurredAt: _, ...attempt }: AttemptOutcome): void {
  if (outcome === 'sent') logger.info(attempt, 'e-mail sent');
  // One warning per e-mail, not one per retry: an outage of hours must not flood the log.
  else if (outcome === 'retry')
    logger[attempt.attempts === 1 ? 'warn' : 'debug'](attempt, 'e-mail not sent; will retry');
  else if (outcome === 'lease_lost')
    logger.error(attempt, 'e-mail sent after its lease ran out; it may go out twice');
  else logger.error({ ...attempt, outcome }, 'e-mail given up');
}

/**
 * Sends queued e-mails: right after one is queued (`notify`) and, for retries that fall due and
 * e-mails leased by a replica that died, on a timer. `stop` waits for the sends under way to be
 * marked, so a clean shutdown leaves nothing to resend.
 */
export function createEmailDispatcher(
  deps: SendDueEmailsDeps,
  logger: Logger,
  pollIntervalMs?: number,
): BackgroundLoop {
  return new BackgroundLoop(
    'e-mail dispatch',
    (loop) =>
      sendDueEmails(deps, {
        slots,
        report: (outcome) => {
          count(outcome);
          report(logger, outcome);
        },
        stopping: () => loop.stopping(),
      }),
    logger,
    pollIntervalMs,
  );
}

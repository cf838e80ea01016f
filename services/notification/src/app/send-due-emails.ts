import type { SendResult } from '@checkout/service-kit';
import { nextAttemptAt } from '../domain/retry-schedule';
import { composeEmail, recipientOf } from './compose-email';
import type {
  ActivationTokenOpener,
  ClaimedEmail,
  EmailQueue,
  EmailSender,
  NotificationSettings,
} from './ports';

export interface SendDueEmailsDeps {
  queue: EmailQueue;
  sender: EmailSender;
  settings: NotificationSettings;
  tokens: ActivationTokenOpener;
  /** How long a claimed e-mail is this replica's; longer than any SMTP exchange can take. */
  leaseMs: number;
}

/** What became of one attempt; `reason` is an error code, never the server's words. */
export interface AttemptOutcome {
  eventId: string;
  template: string;
  attempts: number;
  outcome: 'sent' | 'lease_lost' | 'retry' | 'failed' | 'given_up';
  reason?: string;
  /** When the event behind the e-mail happened, if the queue kept it. */
  eventOccurredAt?: Date;
}

/** How the dispatcher drives a run of sends. */
export interface SendRun {
  /** E-mails leased and under way at most at once. */
  slots: number;
  report: (outcome: AttemptOutcome) => void;
  stopping: () => boolean;
}

/**
 * Sends the e-mails that are due until none is left, up to `slots` at a time: each is leased in a
 * short transaction, sent with no transaction open, and marked sent right after the SMTP server
 * accepted it. Once half the slots are free, more are leased, so a long queue flows without
 * waiting for a whole batch's slowest send. A failure that may pass is tried again later with
 * backoff until the horizon; a refusal is final. A database fault stops leasing; the sends under
 * way end before it is thrown.
 */
export async function sendDueEmails(
  deps: SendDueEmailsDeps,
  { slots, report, stopping }: SendRun,
): Promise<void> {
  const sending = new Set<Promise<void>>();
  let fault: { error: unknown } | undefined;
  let drained = false;
  while (!drained && fault === undefined && !stopping()) {
    const wanted = slots - sending.size;
    const now = new Date();
    const claimed = await deps.queue.claimDue(wanted, now, new Date(now.getTime() + deps.leaseMs));
    drained = claimed.length < wanted;
    for (const email of claimed) {
      const send: Promise<void> = attempt(deps, email)
        .then(report, (error: unknown) => void (fault ??= { error }))
        .finally(() => sending.delete(send));
      sending.add(send);
    }
    while (!drained && fault === undefined && sending.size > slots / 2) await Promise.race(sending);
  }
  await Promise.all(sending);
  if (fault) throw fault.error;
}

async function attempt(deps: SendDueEmailsDeps, email: ClaimedEmail): Promise<AttemptOutcome> {
  const { eventId, content, attempts, eventOccurredAt, traceparent } = email;
  const outcome = { eventId, template: content.template, attempts, eventOccurredAt };
  let result: SendResult;
  try {
    result = await deps.sender.send({
      to: recipientOf(content),
      // Stable per event, so that a resend after a crash can be recognised by mail systems.
      messageId: `<${eventId}.${content.template}@checkout>`,
      traceparent,
      ...composeEmail(content, deps.settings, deps.tokens),
    });
  } catch (error) {
    // A key missing from the ring or a mailer fault: worth retrying once someone fixes it.
    const { code, name } = error as { code?: string; name?: string };
    result = { sent: false, permanent: false, reason: code ?? name ?? 'Error' };
  }
  if (result.sent) {
    const marked = await deps.queue.markSent(email, result.messageId);
    return { ...outcome, outcome: marked ? 'sent' : 'lease_lost' };
  }
  const retryAt = result.permanent
    ? undefined
    : nextAttemptAt(deps.settings.retry, attempts, email.giveUpAt, new Date());
  if (retryAt) {
    await deps.queue.retryLater(email, retryAt, result.reason);
    return { ...outcome, outcome: 'retry', reason: result.reason };
  }
  await deps.queue.markFailed(email, result.reason);
  return { ...outcome, outcome: result.permanent ? 'failed' : 'given_up', reason: result.reason };
}

import type { InboxDelivery } from '@checkout/service-kit';
import type { RetryPolicy } from '../domain/retry-schedule';
import { recipientOf } from './compose-email';
import type { EmailContent, EmailQueue } from './ports';

/**
 * Records the e-mail of a business event as pending, once per event, and returns at once: the
 * SMTP server's health never holds up the event (see sendDueEmails). True if queued now.
 */
export async function queueEmail(
  { queue, retry }: { queue: EmailQueue; retry: RetryPolicy },
  delivery: InboxDelivery & { occurredAt: string },
  content: EmailContent,
  now = new Date(),
): Promise<boolean> {
  return queue.addOnce(delivery, {
    content,
    eventOccurredAt: new Date(delivery.occurredAt),
    to: recipientOf(content),
    giveUpAt: new Date(now.getTime() + retry.horizonMs),
    now,
  });
}

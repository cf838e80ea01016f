import type {
  AccessLinkIssued,
  CheckoutApproved,
  CheckoutDeclined,
  CheckoutRefunded,
  EventData,
  LeadReminderDue,
  PortalAccessGranted,
} from '@checkout/contracts';
import type { InboxDelivery, SendResult } from '@checkout/service-kit';
import type { RetryPolicy } from '../domain/retry-schedule';
import type { Language, RenderedEmail } from '../domain/templates/layout';

/** An approval that carries the payer's receipt (earlier producers sent none). */
export type ApprovalWithReceipt = EventData<typeof CheckoutApproved> & {
  receipt: NonNullable<EventData<typeof CheckoutApproved>['receipt']>;
};

/** What an e-mail is made from: the template and the event it reports (tokens still sealed). */
export type EmailContent =
  | { template: 'access-granted'; data: EventData<typeof PortalAccessGranted> }
  | { template: 'checkout-declined'; data: EventData<typeof CheckoutDeclined> }
  | { template: 'lead-reminder'; data: EventData<typeof LeadReminderDue> }
  | { template: 'checkout-receipt'; data: ApprovalWithReceipt }
  | { template: 'access-link'; data: EventData<typeof AccessLinkIssued> }
  | { template: 'access-withdrawn'; data: EventData<typeof CheckoutRefunded> }
  | { template: 'refund-issued'; data: EventData<typeof CheckoutRefunded> };

export interface EmailSender {
  /** `traceparent`: the trace of the event the e-mail reports, which the send continues. */
  send(
    email: RenderedEmail & { to: string; messageId: string; traceparent?: string },
  ): Promise<SendResult>;
}

/** A queued e-mail this replica has leased for one attempt (`attempts` counts this one). */
export interface ClaimedEmail {
  eventId: string;
  content: EmailContent;
  attempts: number;
  giveUpAt: Date;
  /** When the event behind it happened; absent for e-mails queued before this was kept. */
  eventOccurredAt?: Date;
  /** The trace of the event it reports; absent when nothing was traced. */
  traceparent?: string;
}

/** An e-mail to queue: what it is made from, to whom, and until when it may be retried. */
export interface PendingEmail {
  content: EmailContent;
  to: string;
  giveUpAt: Date;
  eventOccurredAt: Date;
  now: Date;
}

export interface EmailQueue {
  /**
   * Queues the e-mail of a delivered event, once per consumer however often the event comes
   * (the inbox row and the e-mail commit together); false if it was queued before.
   */
  addOnce(delivery: InboxDelivery, email: PendingEmail): Promise<boolean>;
  /** Leases due e-mails until `leaseUntil`, skipping those another replica holds. */
  claimDue(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedEmail[]>;
  /** The SMTP server accepted it; false if the lease was lost meanwhile. */
  markSent(email: ClaimedEmail, messageId: string): Promise<boolean>;
  retryLater(email: ClaimedEmail, at: Date, reason: string): Promise<void>;
  /** Given up: kept with its reason, without what the template needed. */
  markFailed(email: ClaimedEmail, reason: string): Promise<void>;
}

export interface NotificationSettings {
  publicUrl: string;
  language: Language;
  retry: RetryPolicy;
}

/** Opens an activation token sealed by academic for this student. */
export interface ActivationTokenOpener {
  open(sealedToken: string, studentId: string): string;
}

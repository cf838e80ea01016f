import {
  AccessLinkIssued,
  CheckoutApproved,
  CheckoutDeclined,
  CheckoutRefunded,
  LeadReminderDue,
  PortalAccessGranted,
} from '@checkout/contracts';
import {
  createServiceRuntime,
  openToken,
  subscribeTo,
  type InboxDelivery,
  type Mailer,
  type ServiceContext,
  type ServiceRuntime,
  type KeyRing,
} from '@checkout/service-kit';
import { createSqlEmailQueue } from './adapters/db/sql-email-queue';
import { createEmailDispatcher } from './adapters/jobs/email-dispatcher';
import { emailRetriesGauge } from './adapters/metrics/email-retries-gauge';
import type { EmailContent, NotificationSettings } from './app/ports';
import { queueEmail } from './app/queue-email';

export interface NotificationDeps extends ServiceContext {
  mailer: Mailer;
  settings: NotificationSettings;
  /** The activation-token keys shared with academic (secret `activation-token-keys`). */
  activationTokenKeys: KeyRing;
  dispatch?: { pollIntervalMs?: number; leaseMs?: number };
}

/**
 * The names notification's inbox records handled events under. Never change one: under a new
 * name, every event delivered again (a redelivery, a replayed dead letter) would be e-mailed twice.
 */
const inbox = {
  accessGranted: 'notification.access-granted',
  checkoutDeclined: 'notification.checkout-declined',
  leadReminder: 'notification.lead-reminder',
  checkoutReceipt: 'notification.checkout-receipt',
  accessLink: 'notification.access-link',
  accessWithdrawn: 'notification.access-withdrawn',
  refundIssued: 'notification.refund-issued',
} as const;

/**
 * Notification has no public routes: it turns business events into e-mails. An event is answered
 * as soon as its e-mail is queued; the dispatcher sends, so a slow or absent SMTP server never
 * holds up the bus and one e-mail's retries never delay another's.
 */
export function createNotificationService(deps: NotificationDeps): ServiceRuntime {
  return createServiceRuntime('notification', deps, () => {
    const queue = createSqlEmailQueue(deps.orm);
    const dispatcher = createEmailDispatcher(
      {
        queue,
        sender: deps.mailer,
        settings: deps.settings,
        tokens: {
          open: (sealed, studentId) => openToken(sealed, studentId, deps.activationTokenKeys),
        },
        // Well over an SMTP exchange's bounds (smtpTimeoutsMs), and what a crash mid-send delays.
        leaseMs: deps.dispatch?.leaseMs ?? 60_000,
      },
      deps.logger.child({ component: 'email-dispatcher' }),
      deps.dispatch?.pollIntervalMs,
    );
    const queueThenDispatch = async (
      delivery: InboxDelivery & { occurredAt: string },
      content: EmailContent,
    ) => {
      if (await queueEmail({ queue, retry: deps.settings.retry }, delivery, content))
        dispatcher.notify();
      return 'SUCCESS' as const;
    };
    const accessMailer = { service: 'notification', inbox: inbox.accessGranted };
    subscribeTo(deps.bus, PortalAccessGranted, accessMailer, deps.logger, (event) =>
      queueThenDispatch(event, { template: 'access-granted', data: event.data }),
    );
    const declineMailer = { service: 'notification', inbox: inbox.checkoutDeclined };
    subscribeTo(deps.bus, CheckoutDeclined, declineMailer, deps.logger, (event) =>
      queueThenDispatch(event, { template: 'checkout-declined', data: event.data }),
    );
    const reminderMailer = { service: 'notification', inbox: inbox.leadReminder };
    subscribeTo(deps.bus, LeadReminderDue, reminderMailer, deps.logger, (event) =>
      queueThenDispatch(event, { template: 'lead-reminder', data: event.data }),
    );
    // The payer's receipt, apart from the student's access e-mail even when they are one person:
    // each e-mail has one purpose, and the access e-mail waits for academic, the receipt does not.
    const receiptMailer = { service: 'notification', inbox: inbox.checkoutReceipt };
    subscribeTo(deps.bus, CheckoutApproved, receiptMailer, deps.logger, async (event) => {
      const { receipt } = event.data;
      if (!receipt) return 'SUCCESS'; // An earlier producer's approval: no receipt to send.
      return queueThenDispatch(event, {
        template: 'checkout-receipt',
        data: { ...event.data, receipt },
      });
    });
    const linkMailer = { service: 'notification', inbox: inbox.accessLink };
    subscribeTo(deps.bus, AccessLinkIssued, linkMailer, deps.logger, (event) =>
      queueThenDispatch(event, { template: 'access-link', data: event.data }),
    );
    // A refund tells the student (access withdrawn) and the payer (money back) apart, even when
    // they are one person, like the access e-mail and the receipt: each e-mail has one purpose.
    // One subscription per topic, so each e-mail is recorded under an inbox name of its own.
    const refundMailer = { service: 'notification', inbox: inbox.accessWithdrawn };
    subscribeTo(deps.bus, CheckoutRefunded, refundMailer, deps.logger, async (event) => {
      await queueThenDispatch(event, { template: 'access-withdrawn', data: event.data });
      const toPayer = { ...event, consumer: inbox.refundIssued };
      return queueThenDispatch(toPayer, { template: 'refund-issued', data: event.data });
    });
    return { jobs: [dispatcher, emailRetriesGauge(deps.orm)] };
  });
}

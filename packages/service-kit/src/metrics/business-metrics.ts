import { Counter } from 'prom-client';
import { metricsRegistry } from './registry';

/*
 * The platform's business facts, counted by the adapter or composition where each happens, once
 * it is committed (a redelivered event that changes nothing counts nothing).
 */

const counter = (name: string, help: string, labelNames: string[]) =>
  new Counter({ name, help, labelNames: ['service', ...labelNames], registers: [metricsRegistry] });

const leadsRegistered = counter('checkout_leads_registered_total', 'New leads registered.', []);

const checkoutsDecided = counter(
  'checkout_checkouts_decided_total',
  'Checkouts whose charge became final, by outcome and, when declined, the decline reason.',
  ['outcome', 'decline_reason'],
);

const emailsSent = counter(
  'checkout_emails_sent_total',
  'E-mails the SMTP server accepted, by template.',
  ['template'],
);

const emailsFailed = counter(
  'checkout_emails_failed_total',
  'Sends that failed, by template and what follows: retry later, failed (refused) or given_up.',
  ['template', 'outcome'],
);

const deadLettersStored = counter(
  'checkout_dead_letters_stored_total',
  'Events a consumer could not handle, stored for replay, by topic.',
  ['topic'],
);

/** What a service counts; each call names the service, as several share a process. */
export const businessMetrics = {
  leadRegistered: (service: string) => leadsRegistered.inc({ service }),
  checkoutDecided: (
    service: string,
    { outcome, declineReason }: { outcome: 'approved' | 'declined'; declineReason?: string },
  ) =>
    checkoutsDecided.inc({
      service,
      outcome,
      ...(declineReason && { decline_reason: declineReason }),
    }),
  emailSent: (service: string, template: string) => emailsSent.inc({ service, template }),
  emailFailed: (service: string, template: string, outcome: string) =>
    emailsFailed.inc({ service, template, outcome }),
  deadLetterStored: (service: string, topic: string) => deadLettersStored.inc({ service, topic }),
};

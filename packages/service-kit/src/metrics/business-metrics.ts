import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from './registry';

/*
 * The platform's business facts, counted by the adapter or composition where each happens, once
 * it is committed (a redelivered event that changes nothing counts nothing).
 */

const counter = (name: string, help: string, labelNames: string[]) =>
  new Counter({ name, help, labelNames: ['service', ...labelNames], registers: [metricsRegistry] });

// From half a second (a charge answered at once) to several minutes (retries, a stuck charge
// recovered by the sweeper, an SMTP server that came back).
const waitBuckets = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

const histogram = (name: string, help: string, labelNames: string[]) =>
  new Histogram({
    name,
    help,
    labelNames: ['service', ...labelNames],
    buckets: waitBuckets,
    registers: [metricsRegistry],
  });

const leadsRegistered = counter('checkout_leads_registered_total', 'New leads registered.', []);

const leadsReminded = counter(
  'checkout_lead_reminders_total',
  'Leads reminded, each once: the reminder committed with the event that has it e-mailed.',
  [],
);

const checkoutsDecided = counter(
  'checkout_checkouts_decided_total',
  'Checkouts whose charge became final, by outcome and, when declined, the decline reason.',
  ['outcome', 'decline_reason'],
);

const decisionSeconds = histogram(
  'checkout_decision_seconds',
  'Time from a checkout accepted to its charge final, by outcome.',
  ['outcome'],
);

const emailsSent = counter(
  'checkout_emails_sent_total',
  'E-mails the SMTP server accepted, by template.',
  ['template'],
);

const emailDeliverySeconds = histogram(
  'checkout_email_delivery_seconds',
  'Time from the business event behind an e-mail to the SMTP server accepting it, by template.',
  ['template'],
);

const emailsFailed = counter(
  'checkout_emails_failed_total',
  'Sends that failed, by template and what follows: retry later, failed (refused) or given_up.',
  ['template', 'outcome'],
);

const deadLettersStored = counter(
  'checkout_dead_letters_stored_total',
  'Events a consumer could not handle, stored for replay, by topic (arrivals; the stock is checkout_dead_letters).',
  ['topic'],
);

const secondsBetween = (from: Date, to: Date) => Math.max(0, to.getTime() - from.getTime()) / 1000;

/** What a service counts; each call names the service, as several share a process. */
export const businessMetrics = {
  leadRegistered: (service: string) => leadsRegistered.inc({ service }),
  leadsReminded: (service: string, count: number) => leadsReminded.inc({ service }, count),
  checkoutDecided: (
    service: string,
    decision: {
      outcome: 'approved' | 'declined';
      declineReason?: string;
      acceptedAt: Date;
      decidedAt: Date;
    },
  ) => {
    const { outcome, declineReason } = decision;
    checkoutsDecided.inc({
      service,
      outcome,
      ...(declineReason && { decline_reason: declineReason }),
    });
    decisionSeconds.observe(
      { service, outcome },
      secondsBetween(decision.acceptedAt, decision.decidedAt),
    );
  },
  /** `occurredAt`: when the event the e-mail tells of happened, if the queue kept it. */
  emailSent: (service: string, template: string, occurredAt?: Date) => {
    emailsSent.inc({ service, template });
    if (occurredAt)
      emailDeliverySeconds.observe({ service, template }, secondsBetween(occurredAt, new Date()));
  },
  emailFailed: (service: string, template: string, outcome: string) =>
    emailsFailed.inc({ service, template, outcome }),
  deadLetterStored: (service: string, topic: string) => deadLettersStored.inc({ service, topic }),
};

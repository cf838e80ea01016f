import type { SmtpSink } from '@checkout/local-infra';

/**
 * The e-mails at the SMTP sink, indexed by recipient as they arrive, so that thousands of
 * journeys are matched in linear time (the sink's own `waitFor` scans every e-mail per waiter).
 */
export class EmailArrivals {
  private readonly byRecipient = new Map<string, number[]>();
  private seen = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly sink: SmtpSink) {
    this.timer = setInterval(() => this.catchUp(), 10);
  }

  /** Arrival times (ms since the epoch) of the e-mails to `address`, oldest first. */
  to(address: string): number[] {
    this.catchUp();
    return this.byRecipient.get(address) ?? [];
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private catchUp(): void {
    for (; this.seen < this.sink.emails.length; this.seen++) {
      const email = this.sink.emails[this.seen]!;
      for (const address of email.to) {
        const times = this.byRecipient.get(address) ?? [];
        times.push(email.receivedAt.getTime());
        this.byRecipient.set(address, times);
      }
    }
  }
}

/** A journey whose checkout was accepted, and the e-mails each of its addresses is owed. */
export interface OwedEmails {
  checkoutSentAt: number;
  /** The address that gets the outcome (access or decline): its arrival ends the journey. */
  outcomeTo: string;
  /** Every address of the journey with how many e-mails it is owed in all (receipts included). */
  owed: { address: string; count: number }[];
}

/** What became of a journey's e-mails: settled (each owed exactly once), lost or duplicated. */
export function settle(journey: OwedEmails, arrivals: EmailArrivals) {
  const counts = journey.owed.map(({ address, count }) => ({
    owed: count,
    got: arrivals.to(address).length,
  }));
  const outcomeAt = arrivals.to(journey.outcomeTo)[0];
  return {
    latencyMs: outcomeAt === undefined ? undefined : outcomeAt - journey.checkoutSentAt,
    lost: counts.some(({ owed, got }) => got < owed),
    duplicated: counts.some(({ owed, got }) => got > owed),
  };
}

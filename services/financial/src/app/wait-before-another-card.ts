import type { FinancialStore } from './ports';

/** Declined checkouts a lead, or a client address, may have within a window before more are refused. */
export interface DeclineLimits {
  perLead: number;
  perClient: number;
  windowSeconds: number;
}

/**
 * How long a lead or client whose cards were declined too often within the window must wait
 * before trying another card (card testers try card after card); 0 when they may now. Counted
 * from the declined card checkouts themselves (a PIX charge left to expire is no declined card), so a replayed request or a redelivered charge result
 * never counts twice, and every replica sees the same count.
 */
export async function waitBeforeAnotherCard(
  store: FinancialStore,
  limits: DeclineLimits,
  { leadId, clientKey }: { leadId: string; clientKey: string },
  now = new Date(),
): Promise<number> {
  const windowMs = limits.windowSeconds * 1000;
  const since = new Date(now.getTime() - windowMs);
  // Refused until the decline that reached the limit leaves the window.
  const reachedAt = await store.nthLatestDeclines({ leadId, clientKey }, limits, since);
  const waits = [reachedAt.lead, reachedAt.client].map((at) =>
    at ? at.getTime() + windowMs - now.getTime() : 0,
  );
  return Math.max(0, ...waits);
}

import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import {
  checkoutRequestFor,
  postCheckout,
  registerTestLead,
  testCards,
  tokenizeTestCard,
} from '@checkout/test-kit';
import type { OwedEmails } from './email-ledger';
import { isDeclined, startOffsets } from './figures';

export type CallName = 'leads' | 'cards' | 'checkouts';

/** One HTTP call of a journey: how long it took and whether it failed (non-2xx or no answer). */
export interface Call {
  name: CallName;
  ms: number;
  failure?: string;
}

export interface StepJourneys {
  /** Journeys whose checkout was accepted: what they are owed, once all have ended. */
  accepted: Promise<OwedEmails[]>;
  calls: Call[];
  /** How late the latest journey started against its schedule: a loaded generator shows here. */
  maxStartLagMs: () => number;
  started: () => number;
}

/** The client of the platform at `baseUrl`, timing each call and giving up after `timeoutMs`. */
function timedApi(baseUrl: string, calls: Call[], timeoutMs: number): CheckoutClient {
  return createCheckoutClient({
    baseUrl: `${baseUrl}/api/v1`,
    fetch: async (request: Request) => {
      const name = new URL(request.url).pathname.split('/')[3] as CallName;
      const startedAt = performance.now();
      const took = () => performance.now() - startedAt;
      try {
        const response = await fetch(request, { signal: AbortSignal.timeout(timeoutMs) });
        calls.push({ name, ms: took(), ...(!response.ok && { failure: `${response.status}` }) });
        return response;
      } catch (error) {
        const failure = (error as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
        calls.push({ name, ms: took(), failure });
        throw error;
      }
    },
  });
}

/** Lead, card, checkout: the owed e-mails if the checkout was accepted, else undefined. */
async function runJourney(api: CheckoutClient, id: string, declined: boolean) {
  const studentEmail = `bench-${id}@example.com`;
  const payerEmail = `bench-payer-${id}@example.com`;
  const lead = await registerTestLead(api, studentEmail);
  if (!lead.data) return undefined;
  const card = await tokenizeTestCard(api, declined ? testCards.declined : testCards.approved);
  if (!card.data) return undefined;
  const request = checkoutRequestFor(lead.data.id, card.data.token, payerEmail);
  const checkoutSentAt = Date.now();
  const checkout = await postCheckout(api, request, `bench-${id}`);
  if (checkout.response.status !== 202) return undefined;
  // An approved checkout owes the student the access e-mail and the payer the receipt.
  const owed: OwedEmails = declined
    ? { checkoutSentAt, outcomeTo: payerEmail, owed: [{ address: payerEmail, count: 1 }] }
    : {
        checkoutSentAt,
        outcomeTo: studentEmail,
        owed: [
          { address: studentEmail, count: 1 },
          { address: payerEmail, count: 1 },
        ],
      };
  return owed;
}

/**
 * Starts journeys at `rate` per second for `seconds`, each on schedule whether or not earlier
 * ones have ended. `firstJourney` numbers them across the run (for the declined share and
 * unique addresses). Resolves when the step's time is up.
 */
export async function offerJourneys(options: {
  baseUrl: string;
  runId: string;
  rate: number;
  seconds: number;
  firstJourney: number;
  declinedShare: number;
  timeoutMs: number;
}): Promise<StepJourneys> {
  const calls: Call[] = [];
  const api = timedApi(options.baseUrl, calls, options.timeoutMs);
  const offsets = startOffsets(options.rate, options.seconds);
  const journeys: Promise<OwedEmails | undefined>[] = [];
  let maxLagMs = 0;
  const stepStart = performance.now();
  while (journeys.length < offsets.length) {
    const now = performance.now() - stepStart;
    // Start every journey that is due, catching up at once if the event loop was late.
    for (let due = offsets[journeys.length]; due !== undefined && due <= now;) {
      const n = options.firstJourney + journeys.length;
      maxLagMs = Math.max(maxLagMs, now - due);
      journeys.push(
        runJourney(api, `${options.runId}-${n}`, isDeclined(n, options.declinedShare)).catch(
          () => undefined, // the failed call is in `calls`
        ),
      );
      due = offsets[journeys.length];
    }
    const next = offsets[journeys.length] ?? options.seconds * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - now)));
  }
  // The step lasts its full time, not until its last start: the window the figures divide by.
  const left = options.seconds * 1000 - (performance.now() - stepStart);
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  return {
    accepted: Promise.all(journeys).then((all) => all.filter((j) => j !== undefined)),
    calls,
    maxStartLagMs: () => maxLagMs,
    started: () => journeys.length,
  };
}

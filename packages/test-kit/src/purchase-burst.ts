import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import { buyCourse, testCards } from './checkout-journey';
import type { AcceptedCheckout } from './checkout-ledger';
import { networkFailureCode } from './network-failure';

/** How one request ended: a status, or the network error's code (ECONNREFUSED, ...). */
export type RequestOutcome = { path: string; at: number } & (
  { status: number } | { failure: string }
);

/** The typed client of the platform at `baseUrl`, noting how each of its requests ended. */
export function recordingApi(baseUrl: string, outcomes: RequestOutcome[]): CheckoutClient {
  return createCheckoutClient({
    baseUrl: `${baseUrl}/api/v1`,
    fetch: async (request: Request) => {
      const path = new URL(request.url).pathname;
      try {
        const response = await fetch(request);
        outcomes.push({ path, at: Date.now(), status: response.status });
        return response;
      } catch (error) {
        const code = networkFailureCode(error) ?? String(error);
        outcomes.push({ path, at: Date.now(), failure: code });
        throw error;
      }
    },
  });
}

export const answeredRequests = (outcomes: RequestOutcome[]) =>
  outcomes.filter((o) => 'status' in o);

/**
 * `size` buyers paying with an approved card at once, each on a new e-mail address. `outcomes`
 * fills as requests end; `accepted` resolves, once every journey has ended, with the checkouts
 * answered 202.
 */
export function startPurchaseBurst(baseUrl: string, size: number) {
  const outcomes: RequestOutcome[] = [];
  const api = recordingApi(baseUrl, outcomes);
  const run = `${Date.now()}`;
  const accepted = Promise.allSettled(
    Array.from({ length: size }, (_, i) =>
      buyCourse(api, {
        cardNumber: testCards.approved,
        studentEmail: `burst-${run}-${i}@example.com`,
      }),
    ),
  ).then((journeys) =>
    journeys.flatMap((journey): AcceptedCheckout[] =>
      journey.status === 'fulfilled' && journey.value.checkout.data
        ? [{ id: journey.value.checkout.data.id, emailTo: journey.value.studentEmail }]
        : [],
    ),
  );
  return { outcomes, accepted };
}

/**
 * What a clean shutdown at `signalledAt` looks like to clients: no 5xx, and a request fails
 * only after the signal and only before it was taken in: refused once the listener has closed,
 * reset by the kernel when its handshake completed in the instant before, or sent on an idle
 * keep-alive connection in the instant the draining server closed it (UND_ERR_SOCKET: the race
 * every HTTP/1.1 keep-alive has). Pair it with the server's own word that it cut off no request
 * it took in.
 */
export function expectOnlyRefusalsAfter(outcomes: RequestOutcome[], signalledAt: number): void {
  expect(answeredRequests(outcomes).filter((o) => o.status >= 500)).toEqual([]);
  expect(
    outcomes.filter(
      (o) =>
        'failure' in o &&
        (o.at < signalledAt ||
          !['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(o.failure)),
    ),
  ).toEqual([]);
}

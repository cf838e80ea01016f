import { apiClient } from './http-client';
import { buyCourse, testCards } from './checkout-journey';
import type { AcceptedCheckout } from './checkout-ledger';

/** How one request ended: a status, or the network error's code (ECONNREFUSED, ...). */
export type RequestOutcome = { path: string; at: number } & (
  { status: number } | { failure: string }
);

/** An API client that notes how each request ended. */
export function recordingApi(
  baseUrl: string,
  outcomes: RequestOutcome[],
): ReturnType<typeof apiClient> {
  const api = apiClient(baseUrl);
  const record = async <T extends { status: number }>(path: string, call: () => Promise<T>) => {
    try {
      const response = await call();
      outcomes.push({ path, at: Date.now(), status: response.status });
      return response;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      outcomes.push({ path, at: Date.now(), failure: code });
      throw error;
    }
  };
  return {
    get: (path, headers) => record(path, () => api.get(path, headers)),
    post: (path, body, headers) => record(path, () => api.post(path, body, headers)),
  };
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
      journey.status === 'fulfilled' && journey.value.checkout.status === 202
        ? [{ id: journey.value.checkout.body.id as string, emailTo: journey.value.studentEmail }]
        : [],
    ),
  );
  return { outcomes, accepted };
}

/**
 * What a clean shutdown at `signalledAt` looks like to clients: no 5xx, and a request fails
 * only after the signal and only to connect: refused once the listener has closed, or reset
 * by the kernel when its handshake completed in the instant before (never taken in). Pair it
 * with the server's own word that it cut off no request it took in.
 */
export function expectOnlyRefusalsAfter(outcomes: RequestOutcome[], signalledAt: number): void {
  expect(answeredRequests(outcomes).filter((o) => o.status >= 500)).toEqual([]);
  expect(
    outcomes.filter(
      (o) =>
        'failure' in o &&
        (o.at < signalledAt || !['ECONNREFUSED', 'ECONNRESET'].includes(o.failure)),
    ),
  ).toEqual([]);
}

import {
  checkoutRequestFor,
  registerTestLead,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  type TestPlatform,
} from '@checkout/test-kit';
import { createCheckoutClient, fieldErrors } from '../src';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

/** A lead and a fresh card token, through the typed client. */
async function leadAndCard(client: ReturnType<typeof createCheckoutClient>, email: string) {
  const lead = await registerTestLead(client, email);
  const card = await tokenizeTestCard(client, testCards.approved);
  return { leadId: lead.data!.id, cardToken: card.data!.token };
}

const checkoutsOf = (leadId: string) =>
  platform.sql<{ id: string }>('select id from financial.checkout where lead_id = $1', [leadId]);

test('a buyer goes through the typed client: catalogue, lead, card, checkout, status', async () => {
  const client = createCheckoutClient({ baseUrl: `${platform.baseUrl}/api/v1` });
  const { data: catalogue } = await client.GET('/courses');
  expect(catalogue?.items.map((course) => course.id)).toContain('typescript-fundamentals');

  const { leadId, cardToken } = await leadAndCard(client, 'typed@example.com');
  const submitted = await client.submitCheckout(
    checkoutRequestFor(leadId, cardToken, 'payer@example.com'),
  );
  expect(submitted.response.status).toBe(202);
  const { data: checkout } = await client.GET('/checkouts/{id}', {
    params: { path: { id: submitted.data!.id } },
  });
  expect(checkout).toMatchObject({ id: submitted.data!.id, amountCents: expect.any(Number) });
});

test('a problem+json answer is a typed value whose field list maps onto the form', async () => {
  const client = createCheckoutClient({ baseUrl: `${platform.baseUrl}/api/v1` });
  const { error, response } = await client.POST('/cards', {
    body: { number: '4242424242424241', holderName: 'Ana', expMonth: 13, expYear: 2020, cvc: '1' },
  });
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(Object.keys(fieldErrors(error))).toEqual(expect.arrayContaining(['expMonth', 'cvc']));
});

test('an answer lost on the way back is retried under the same key: one checkout', async () => {
  const keys: string[] = [];
  let dropped = false;
  const client = createCheckoutClient({
    baseUrl: `${platform.baseUrl}/api/v1`,
    fetch: async (request: Request) => {
      if (request.method !== 'POST' || !request.url.endsWith('/checkouts')) return fetch(request);
      keys.push(request.headers.get('idempotency-key')!);
      const answer = await fetch(request);
      if (dropped) return answer;
      dropped = true; // the checkout was accepted, but the buyer's connection drops its answer
      throw new TypeError('fetch failed');
    },
  });
  const { leadId, cardToken } = await leadAndCard(client, 'lost-answer@example.com');

  const submitted = await client.submitCheckout(
    checkoutRequestFor(leadId, cardToken, 'p@example.com'),
  );

  expect(submitted.response.status).toBe(202);
  expect(keys).toHaveLength(2);
  expect(new Set(keys).size).toBe(1);
  expect(await checkoutsOf(leadId)).toEqual([{ id: submitted.data!.id }]);
});

test('a 429 that asks for a longer wait than the client allows is returned at once', async () => {
  let tries = 0;
  const client = createCheckoutClient({
    baseUrl: `${platform.baseUrl}/api/v1`,
    fetch: async (request: Request) => {
      if (request.method !== 'POST' || !request.url.endsWith('/checkouts')) return fetch(request);
      tries++;
      return new Response(
        JSON.stringify({ type: '/problems/too-many-requests', title: 'Too many', status: 429 }),
        {
          status: 429,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '3600' },
        },
      );
    },
  });
  const startedAt = Date.now();
  const refused = await client.submitCheckout(checkoutRequestFor('l', 't', 'p@example.com'));
  expect(refused.response.status).toBe(429);
  expect(tries).toBe(1);
  expect(Date.now() - startedAt).toBeLessThan(1000);
});

test('a 503 is retried after its Retry-After with the same key; a 4xx is not retried', async () => {
  const keys: string[] = [];
  const client = createCheckoutClient({
    baseUrl: `${platform.baseUrl}/api/v1`,
    fetch: async (request: Request) => {
      if (request.method !== 'POST' || !request.url.endsWith('/checkouts')) return fetch(request);
      keys.push(request.headers.get('idempotency-key')!);
      if (keys.length > 1) return fetch(request);
      return new Response(
        JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503 }),
        {
          status: 503,
          headers: { 'content-type': 'application/problem+json', 'retry-after': '1' },
        },
      );
    },
  });
  const { leadId, cardToken } = await leadAndCard(client, 'busy@example.com');
  const startedAt = Date.now();

  const submitted = await client.submitCheckout(
    checkoutRequestFor(leadId, cardToken, 'p@example.com'),
    { idempotencyKey: 'kept-by-the-form-1' },
  );

  expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
  expect(submitted.response.status).toBe(202);
  expect(keys).toEqual(['kept-by-the-form-1', 'kept-by-the-form-1']);

  const again = await client.submitCheckout(
    checkoutRequestFor(leadId, 'no-such-token', 'p@example.com'),
    { idempotencyKey: 'kept-by-the-form-2' },
  );
  expect(again.response.status).toBe(422);
  expect(keys).toHaveLength(3);
});

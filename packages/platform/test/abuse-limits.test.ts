import { createCheckoutClient } from '@checkout/client';
import { freePort } from '@checkout/local-infra';
import {
  checkoutRequestFor,
  expectEachCheckoutSettledOnce,
  expectOneChargePerApprovedCheckout,
  expectSteadyFor,
  postCheckout,
  registerTestLead,
  startPlatformProcess,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
  type PlatformProcess,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * The abuse limits of the platform as a user runs it: two instances on one database, so every
 * limit must hold however requests are spread. The first trusts a proxy on loopback
 * (TRUST_PROXY=loopback), so a test names its client in X-Forwarded-For; the second trusts none.
 */
const limits = {
  CARDS_PER_CLIENT: '60',
  CARD_LIMIT_WINDOW_SECONDS: '60',
  CHECKOUTS_PER_CLIENT: '8',
  CHECKOUTS_PER_LEAD: '6',
  CHECKOUT_LIMIT_WINDOW_SECONDS: '600',
  DECLINES_PER_LEAD: '3',
  DECLINES_PER_CLIENT: '3',
  DECLINE_WINDOW_SECONDS: '3600',
};
let trusting: TestPlatform;
let untrusting: PlatformProcess;

beforeAll(async () => {
  trusting = await startTestPlatform({ TRUST_PROXY: 'loopback', ...limits });
  // The second shares the first's data folder, as replicas share secrets: its card and token
  // keys, and in Dapr mode its sentry's root certificate, so that either instance's sidecars
  // may invoke the other's.
  untrusting = await startPlatformProcess({
    PORT: String(await freePort()),
    DATABASE_URL: trusting.databaseUrl,
    SMTP_URL: trusting.sink.url,
    DATA_DIR: trusting.dataDir,
    TRUST_PROXY: '',
    ...limits,
  });
}, 300_000);

afterAll(async () => {
  await untrusting?.stop('SIGINT');
  await trusting?.stop();
});

/** The public API of an instance, as a client that says it is `address` (X-Forwarded-For). */
const clientOf = (baseUrl: string, address?: string) =>
  createCheckoutClient({
    baseUrl: `${baseUrl}/api/v1`,
    ...(address && { headers: { 'X-Forwarded-For': address } }),
  });

const acquirerRecords = async () =>
  (
    await trusting.sql<{ n: number }>(
      `select count(*)::int as n from payment.simulated_acquirer_charge`,
    )
  )[0]?.n;

const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));

it('refuses the 61st card in a minute from one client on either instance, with Retry-After, while another client still gets 201', async () => {
  const instances = [clientOf(trusting.baseUrl), clientOf(untrusting.baseUrl)];
  const statuses: number[] = [];
  for (let card = 0; card < 60; card++)
    statuses.push(
      (await tokenizeTestCard(instances[card % 2]!, testCards.approved)).response.status,
    );
  expect(statuses).toEqual(Array<number>(60).fill(201));

  for (const instance of instances) {
    const refused = await tokenizeTestCard(instance, testCards.approved);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.error).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect(retryAfter(refused.response)).toBeGreaterThanOrEqual(1);
    expect(retryAfter(refused.response)).toBeLessThanOrEqual(60);
  }
  // TRUST_PROXY=loopback: the address the proxy names is the client, another one.
  const another = '203.0.113.61';
  const anotherClient = await tokenizeTestCard(
    clientOf(trusting.baseUrl, another),
    testCards.approved,
  );
  expect(anotherClient.response.status).toBe(201);
  // TRUST_PROXY unset: the header a client sets changes nothing, it is still the same peer.
  const forged = await tokenizeTestCard(clientOf(untrusting.baseUrl, another), testCards.approved);
  expect(forged.response.status).toBe(429);
}, 120_000);

it('refuses the fourth declined card on a lead within the window before the acquirer sees it, and counts a replay once', async () => {
  const buyer = clientOf(trusting.baseUrl, '198.51.100.4');
  const run = Date.now();
  const lead = (await registerTestLead(buyer, `declined-${run}@example.com`)).data!;
  /** A checkout of `lead` with a new declined card, paid by a payer of its own. */
  const attempt = async (n: number, client = buyer, leadId = lead.id) => {
    const card = (await tokenizeTestCard(client, testCards.declined)).data!;
    const payerEmail = `payer-${n}-${run}@example.com`;
    const request = checkoutRequestFor(leadId, card.token, payerEmail);
    const key = `declines-${n}-${run}`;
    return { request, key, payerEmail, answer: await postCheckout(client, request, key) };
  };

  const declined = [];
  for (let n = 1; n <= 3; n++) {
    const { answer, payerEmail, request, key } = await attempt(n);
    expect(answer.response.status).toBe(202);
    expect(await waitForOutcome(buyer, answer.data!.id)).toMatchObject({ status: 'declined' });
    declined.push({ id: answer.data!.id, emailTo: payerEmail, request, key });
  }
  const third = declined[2]!;
  const replay = await postCheckout(buyer, third.request, third.key);
  expect(replay.response.status).toBe(202);
  expect(replay.data?.id).toBe(third.id);

  const recordsBefore = await acquirerRecords();
  const fourth = (await attempt(4)).answer;
  expect(fourth.response.status).toBe(429);
  expect(fourth.error).toMatchObject({
    type: '/problems/too-many-requests',
    detail: expect.stringMatching(/declined/),
  });
  expect(retryAfter(fourth.response)).toBeGreaterThan(3500);
  expect(retryAfter(fourth.response)).toBeLessThanOrEqual(3600);
  // The lead is refused from another address; the address is refused for another lead.
  const elsewhere = clientOf(trusting.baseUrl, '198.51.100.5');
  expect((await attempt(5, elsewhere)).answer.response.status).toBe(429);
  const otherLead = (await registerTestLead(buyer, `other-${run}@example.com`)).data!;
  expect((await attempt(6, buyer, otherLead.id)).answer.response.status).toBe(429);
  await expectSteadyFor(
    'the acquirer to see no card after the third decline',
    async () => (await acquirerRecords()) === recordsBefore,
    2_000,
  );

  const ledger = await expectOneChargePerApprovedCheckout(
    trusting.databaseUrl,
    await expectEachCheckoutSettledOnce(trusting.api, trusting.sink, declined),
  );
  expect(ledger.map((entry) => entry.status)).toEqual(['declined', 'declined', 'declined']);
}, 120_000);

it('refuses checkouts over the per-lead and per-client limits with Retry-After, on either instance', async () => {
  const request = (leadId: string) => checkoutRequestFor(leadId, 'tok_unknown', 'p@example.com');
  const run = Date.now();
  const statusOf = async (client: ReturnType<typeof clientOf>, leadId: string, n: number) =>
    (await postCheckout(client, request(leadId), `limits-${run}-${n}`)).response;

  // Per lead: six tries from six addresses, spread over both instances; the seventh is refused.
  const leadId = `lead-${run}`;
  for (let n = 0; n < 6; n++) {
    const instance = n % 2 === 0 ? trusting.baseUrl : untrusting.baseUrl;
    expect((await statusOf(clientOf(instance, `192.0.2.${n + 1}`), leadId, n)).status).toBe(422);
  }
  const overLead = await statusOf(clientOf(trusting.baseUrl, '192.0.2.99'), leadId, 6);
  expect(overLead.status).toBe(429);
  expect(retryAfter(overLead)).toBeGreaterThan(500);

  // Per client: eight leads from one address; the ninth is refused, another address is not.
  const client = clientOf(trusting.baseUrl, '192.0.2.200');
  for (let n = 0; n < 8; n++)
    expect((await statusOf(client, `lead-${run}-${n}`, 100 + n)).status).toBe(422);
  expect((await statusOf(client, `lead-${run}-8`, 108)).status).toBe(429);
  const other = clientOf(trusting.baseUrl, '192.0.2.201');
  expect((await statusOf(other, `lead-${run}-8`, 109)).status).toBe(422);
});

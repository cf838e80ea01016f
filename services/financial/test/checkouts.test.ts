import {
  ChargeAttempted,
  ChargeRequested,
  CheckoutApproved,
  CheckoutDeclined,
} from '@checkout/contracts';
import {
  apiClient,
  eventMessage,
  individualPayer,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { createFinancialService, financialDatabase } from '../src';
import type { ServiceRuntime } from '@checkout/service-kit';

const lead = { id: 'lead-1', name: 'Ana Souza', email: 'ana@example.com' };
const chargeableToken = 'tok_chargeable';
const payer = individualPayer;
const checkoutRequest = {
  leadId: lead.id,
  courseId: 'typescript-fundamentals',
  cardToken: chargeableToken,
  payer,
};

let financial: ServiceUnderTest<ServiceRuntime>;
let api: ReturnType<typeof apiClient>;
let keyCounter = 0;
const newKey = () => `key-${Date.now()}-${keyCounter++}`;

beforeAll(async () => {
  financial = await startServiceUnderTest(
    financialDatabase,
    (context) =>
      createFinancialService({
        ...context,
        leads: { findLead: async (id) => (id === lead.id ? lead : undefined) },
        cards: { isChargeable: async (token) => token === chargeableToken },
      }),
    [ChargeRequested.topic, CheckoutApproved.topic, CheckoutDeclined.topic],
  );
  api = apiClient(financial.baseUrl);
});
afterAll(() => financial.stop());

const countRows = async (table: string) =>
  Number(
    (
      await financial.orm.em
        .fork()
        .execute<{ n: string }[]>(`select count(*) as n from financial.${table}`)
    )[0]?.n,
  );

describe('the catalogue', () => {
  it('lists the courses with their prices in cents', async () => {
    const response = await api.get('/api/v1/courses');
    expect(response.status).toBe(200);
    expect(response.body.items).toContainEqual({
      id: 'typescript-fundamentals',
      title: 'Fundamentos de TypeScript',
      priceCents: 29700,
      currency: 'BRL',
    });
  });
});

describe('accepting a checkout', () => {
  it('charges the catalogue price and asks payment to charge the card', async () => {
    const response = await api.post('/api/v1/checkouts', checkoutRequest, {
      'Idempotency-Key': newKey(),
    });
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({
      status: 'processing',
      amountCents: 29700,
      currency: 'BRL',
    });
    const request = await financial.waitForPublished(
      ChargeRequested.topic,
      (data: { checkoutId: string }) => data.checkoutId === response.body.id,
    );
    expect(request.data).toEqual({
      checkoutId: response.body.id,
      cardToken: chargeableToken,
      attempt: 1,
      amountCents: 29700,
      currency: 'BRL',
    });
  });

  it('refuses a price sent by the client', async () => {
    const response = await api.post(
      '/api/v1/checkouts',
      { ...checkoutRequest, amountCents: 1 },
      { 'Idempotency-Key': newKey() },
    );
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect(response.body.errors).toContainEqual({
      field: 'amountCents',
      message: 'is not an accepted field',
    });
  });

  it('replays the first response for the same key and body, creating nothing new', async () => {
    const key = newKey();
    const first = await api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': key });
    const checkoutsBefore = await countRows('checkout');
    const second = await api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': key });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(await countRows('checkout')).toBe(checkoutsBefore);
  });

  it('creates one checkout when the same key arrives twice at once', async () => {
    const key = newKey();
    const before = await countRows('checkout');
    const [a, b] = await Promise.all([
      api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': key }),
      api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': key }),
    ]);
    expect(a.body.id).toBe(b.body.id);
    expect(await countRows('checkout')).toBe(before + 1);
  });

  it('refuses the same key with a different body', async () => {
    const key = newKey();
    await api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': key });
    const response = await api.post(
      '/api/v1/checkouts',
      { ...checkoutRequest, courseId: 'kubernetes-for-developers' },
      { 'Idempotency-Key': key },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { field: 'Idempotency-Key', message: expect.any(String) },
    ]);
  });

  it('requires an Idempotency-Key', async () => {
    const response = await api.post('/api/v1/checkouts', checkoutRequest);
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual({
      field: 'Idempotency-Key',
      message: 'header is required',
    });
  });

  it.each([
    ['leadId', { leadId: 'no-such-lead' }],
    ['courseId', { courseId: 'no-such-course' }],
    ['cardToken', { cardToken: 'tok_unknown' }],
    ['payer.document', { payer: { ...payer, document: '111.111.111-11' } }],
  ])('names %s when it is unknown or invalid, and creates nothing', async (field, change) => {
    const before = await countRows('checkout');
    const response = await api.post(
      '/api/v1/checkouts',
      { ...checkoutRequest, ...change },
      { 'Idempotency-Key': newKey() },
    );
    expect(response.status).toBe(422);
    expect(response.body.errors[0].field).toBe(field);
    expect(await countRows('checkout')).toBe(before);
  });
});

describe('the charge state machine', () => {
  const startCheckout = async () =>
    (await api.post('/api/v1/checkouts', checkoutRequest, { 'Idempotency-Key': newKey() })).body
      .id as string;
  const statusOf = async (id: string): Promise<unknown> =>
    (await api.get(`/api/v1/checkouts/${id}`)).body;

  it('approves once, even when the result is delivered twice', async () => {
    const id = await startCheckout();
    const result = eventMessage(ChargeAttempted, {
      checkoutId: id,
      attempt: 1,
      outcome: 'approved',
    });
    await financial.bus.publish(result);
    await financial.bus.publish(result);
    await financial.waitForPublished(
      CheckoutApproved.topic,
      (d: { checkoutId: string }) => d.checkoutId === id,
    );
    expect(await statusOf(id)).toMatchObject({ status: 'approved' });
    const approvals = financial.published.filter(
      (m) =>
        m.topic === CheckoutApproved.topic && (m.data as { checkoutId: string }).checkoutId === id,
    );
    expect(approvals).toHaveLength(1);
    expect(approvals[0]?.data).toMatchObject({ student: { name: lead.name, email: lead.email } });
  });

  it('declines with the reason and tells who the payer is', async () => {
    const id = await startCheckout();
    await financial.bus.publish(
      eventMessage(ChargeAttempted, {
        checkoutId: id,
        attempt: 1,
        outcome: 'declined',
        declineReason: 'insufficient_funds',
      }),
    );
    const declined = await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === id,
    );
    expect(declined.data).toMatchObject({
      declineReason: 'insufficient_funds',
      payer: { email: payer.email },
    });
    expect(await statusOf(id)).toMatchObject({
      status: 'declined',
      declineReason: 'insufficient_funds',
    });
  });

  it('asks for another attempt after a gateway error, after a pause', async () => {
    const id = await startCheckout();
    const failedAt = Date.now();
    await financial.bus.publish(
      eventMessage(ChargeAttempted, { checkoutId: id, attempt: 1, outcome: 'gateway_error' }),
    );
    await financial.waitForPublished(
      ChargeRequested.topic,
      (d: { checkoutId: string; attempt: number }) => d.checkoutId === id && d.attempt === 2,
    );
    expect(Date.now() - failedAt).toBeGreaterThanOrEqual(450);
    expect(await statusOf(id)).toMatchObject({ status: 'processing' });
  });

  it('answers 404 as problem+json for an unknown checkout', async () => {
    const response = await api.get('/api/v1/checkouts/not-a-checkout');
    expect(response.status).toBe(404);
    expect(response.contentType).toContain('application/problem+json');
  });
});

import {
  ChargeAttempted,
  ChargeRequested,
  CheckoutApproved,
  CheckoutDeclined,
} from '@checkout/contracts';
import { createCheckoutClient, type ApiSchemas, type CheckoutClient } from '@checkout/client';
import {
  eventMessage,
  individualPayer,
  postCheckout,
  sendRaw,
  waitUntil,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { maxChargeRecoveries } from '../src/domain/checkout';
import type { ServiceRuntime } from '@checkout/service-kit';
import { startFinancial } from './start-financial';

const lead = { name: 'Ana Souza', email: 'ana@example.com' };
const payer = individualPayer;
const card = { brand: 'visa', last4: '4242' };
/** Tokens the vault has forgotten, as it does once a charge is final. */
const erasedCards = new Set<string>();
let counter = 0;
/** A request from a lead of its own with a card token of its own, as each purchase has. */
const newCheckoutRequest = (): ApiSchemas['CheckoutRequest'] => ({
  leadId: `lead-${Date.now()}-${counter}`,
  courseId: 'typescript-fundamentals',
  cardToken: `tok_chargeable_${Date.now()}_${counter++}`,
  payer,
});

/** Short, so that the sweeper's tests do not wait minutes. */
const chargeStuckAfterMs = 2000;
let financial: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;
const newKey = () => `key-${Date.now()}-${counter++}`;

beforeAll(async () => {
  financial = await startFinancial(
    {
      leads: {
        findLead: async (id) =>
          id.startsWith('lead-en-')
            ? { ...lead, language: 'en' }
            : id.startsWith('lead-')
              ? lead
              : undefined,
      },
      cards: {
        findChargeableCard: async (token) =>
          token.startsWith('tok_chargeable_') && !erasedCards.has(token) ? card : undefined,
      },
      chargeStuckAfterMs,
    },
    [ChargeRequested.topic, CheckoutApproved.topic, CheckoutDeclined.topic],
  );
  api = createCheckoutClient({ baseUrl: `${financial.baseUrl}/api/v1` });
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
    const { data, response } = await api.GET('/courses');
    expect(response.status).toBe(200);
    expect(data?.items).toContainEqual({
      id: 'typescript-fundamentals',
      title: 'Fundamentos de TypeScript',
      priceCents: 29700,
      currency: 'BRL',
    });
  });
});

describe('installment options', () => {
  it('lists every count up to the maximum, the interest-free ones at the price itself', async () => {
    const { data, response } = await api.GET('/courses/{id}/installments', {
      params: { path: { id: 'typescript-fundamentals' } },
    });
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ priceCents: 29700, interestFreeInstallments: 3 });
    expect(data?.items).toHaveLength(12);
    expect(data?.items[2]).toEqual({
      count: 3,
      installmentCents: 9900,
      lastInstallmentCents: 9900,
      totalCents: 29700,
      interestFree: true,
    });
    expect(data?.items[11]).toMatchObject({ totalCents: 33680, interestFree: false });
  });

  it('answers 404 as problem+json for an unknown course', async () => {
    const { response } = await api.GET('/courses/{id}/installments', {
      params: { path: { id: 'no-such-course' } },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('accepting a checkout', () => {
  it('charges the catalogue price and asks payment to charge the card', async () => {
    const checkoutRequest = newCheckoutRequest();
    const { data: checkout, response } = await postCheckout(api, checkoutRequest, newKey());
    expect(response.status).toBe(202);
    expect(checkout).toMatchObject({
      status: 'processing',
      amountCents: 29700,
      currency: 'BRL',
    });
    const request = await financial.waitForPublished(
      ChargeRequested.topic,
      (data: { checkoutId: string }) => data.checkoutId === checkout?.id,
    );
    expect(request.data).toEqual({
      checkoutId: checkout?.id,
      cardToken: checkoutRequest.cardToken,
      attempt: 1,
      amountCents: 29700,
      currency: 'BRL',
      installments: 1,
    });
  });

  it('charges the Price-table total of 12 installments and asks payment for it with the count', async () => {
    const checkoutRequest = { ...newCheckoutRequest(), installments: 12 };
    const { data: checkout, response } = await postCheckout(api, checkoutRequest, newKey());
    expect(response.status).toBe(202);
    expect(checkout).toMatchObject({
      amountCents: 33680,
      installments: {
        count: 12,
        installmentCents: 2807,
        lastInstallmentCents: 2803,
        label: '12 x R$\u00a028,07',
      },
    });
    const request = await financial.waitForPublished(
      ChargeRequested.topic,
      (data: { checkoutId: string }) => data.checkoutId === checkout?.id,
    );
    expect(request.data).toMatchObject({ amountCents: 33680, installments: 12 });
    const { data: view } = await api.GET('/checkouts/{id}', {
      params: { path: { id: checkout!.id } },
    });
    expect(view?.installments).toEqual(checkout?.installments);
  });

  it('refuses more installments than the course allows with 422 naming installments, and creates nothing', async () => {
    const before = await countRows('checkout');
    const { error, response } = await postCheckout(
      api,
      { ...newCheckoutRequest(), installments: 13 },
      newKey(),
    );
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([
      { field: 'installments', message: 'This course is paid in at most 12 installments.' },
    ]);
    expect(await countRows('checkout')).toBe(before);
  });

  it('refuses fewer than one installment as a request that breaks the schema', async () => {
    const { error, response } = await postCheckout(
      api,
      { ...newCheckoutRequest(), installments: 0 },
      newKey(),
    );
    expect(response.status).toBe(400);
    expect(error?.errors?.[0]?.field).toBe('installments');
  });

  it('refuses a price sent by the client', async () => {
    const { error, response } = await sendRaw(`${financial.baseUrl}/api/v1/checkouts`, {
      body: { ...newCheckoutRequest(), amountCents: 1 },
      headers: { 'Idempotency-Key': newKey() },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors).toContainEqual({
      field: 'amountCents',
      message: 'is not an accepted field',
    });
  });

  it('replays the first response for the same key and body, creating nothing new', async () => {
    const key = newKey();
    const checkoutRequest = newCheckoutRequest();
    const first = await postCheckout(api, checkoutRequest, key);
    const checkoutsBefore = await countRows('checkout');
    const second = await postCheckout(api, checkoutRequest, key);
    expect(second.response.status).toBe(first.response.status);
    expect(second.data).toEqual(first.data);
    expect(await countRows('checkout')).toBe(checkoutsBefore);
  });

  it('creates one checkout when the same key arrives twice at once', async () => {
    const key = newKey();
    const checkoutRequest = newCheckoutRequest();
    const before = await countRows('checkout');
    const [a, b] = await Promise.all([
      postCheckout(api, checkoutRequest, key),
      postCheckout(api, checkoutRequest, key),
    ]);
    expect(a.data?.id).toBe(b.data?.id);
    expect(await countRows('checkout')).toBe(before + 1);
  });

  it('refuses the same key with a different body', async () => {
    const key = newKey();
    const checkoutRequest = newCheckoutRequest();
    await postCheckout(api, checkoutRequest, key);
    const { error, response } = await postCheckout(
      api,
      { ...checkoutRequest, courseId: 'kubernetes-for-developers' },
      key,
    );
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
  });

  it('requires an Idempotency-Key', async () => {
    const { error, response } = await sendRaw(`${financial.baseUrl}/api/v1/checkouts`, {
      body: newCheckoutRequest(),
    });
    expect(response.status).toBe(400);
    expect(error?.errors).toContainEqual({
      field: 'Idempotency-Key',
      message: 'header is required',
    });
  });

  it.each<[string, Partial<ApiSchemas['CheckoutRequest']>]>([
    ['leadId', { leadId: 'no-such-lead' }],
    ['courseId', { courseId: 'no-such-course' }],
    ['cardToken', { cardToken: 'tok_unknown' }],
    ['payer.document', { payer: { ...payer, document: '111.111.111-11' } }],
  ])('names %s when it is unknown or invalid, and creates nothing', async (field, change) => {
    const before = await countRows('checkout');
    const { error, response } = await postCheckout(
      api,
      { ...newCheckoutRequest(), ...change },
      newKey(),
    );
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.field).toBe(field);
    expect(await countRows('checkout')).toBe(before);
  });
});

describe('one charge per purchase', () => {
  const post = (request: ApiSchemas['CheckoutRequest']) => postCheckout(api, request, newKey());
  const checkoutsOf = (leadId: string) =>
    financial.orm.em
      .fork()
      .execute(`select id from financial.checkout where lead_id = ?`, [leadId]);
  const settle = (checkoutId: string, outcome: 'approved' | 'declined') =>
    financial.bus.publish(
      eventMessage(ChargeAttempted, {
        checkoutId,
        attempt: 1,
        outcome,
        ...(outcome === 'declined' && { declineReason: 'card_declined' as const }),
      }),
    );

  it('refuses a token whose card the vault erased after its checkout with 409 naming cardToken, not as unknown', async () => {
    const request = newCheckoutRequest();
    expect((await post(request)).response.status).toBe(202);
    erasedCards.add(request.cardToken!); // the vault forgets a card once its charge is final
    const again = await post({ ...request, leadId: `${request.leadId}-again` });
    expect(again.response.status).toBe(409);
    expect(again.error?.errors).toEqual([{ field: 'cardToken', message: expect.any(String) }]);
  });

  it('accepts one of ten concurrent checkouts with the same card token and refuses the rest with 409 naming cardToken', async () => {
    const request = newCheckoutRequest();
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => post({ ...request, leadId: `${request.leadId}-${i}` })),
    );
    const statuses = responses.map((r) => r.response.status).sort();
    expect(statuses).toEqual([202, ...Array<number>(9).fill(409)]);
    for (const refused of responses.filter((r) => r.response.status === 409)) {
      expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.error?.errors).toEqual([{ field: 'cardToken', message: expect.any(String) }]);
    }
    const rows = await financial.orm.em
      .fork()
      .execute(`select id from financial.checkout where card_token = ?`, [request.cardToken]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a course the lead already bought with 409 already_enrolled, and asks for no charge', async () => {
    const first = newCheckoutRequest();
    const accepted = (await post(first)).data!;
    await settle(accepted.id, 'approved');
    await financial.waitForPublished(
      CheckoutApproved.topic,
      (d: { checkoutId: string }) => d.checkoutId === accepted.id,
    );
    const again = await post({ ...newCheckoutRequest(), leadId: first.leadId });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ type: '/problems/already-enrolled', status: 409 });
    expect(await checkoutsOf(first.leadId)).toEqual([{ id: accepted.id }]);
  });

  it('answers a second purchase while the first is processing with 409 and the first checkout id', async () => {
    const first = newCheckoutRequest();
    const accepted = (await post(first)).data!;
    const [a, b] = await Promise.all([
      post({ ...newCheckoutRequest(), leadId: first.leadId }),
      post({ ...newCheckoutRequest(), leadId: first.leadId }),
    ]);
    expect(await checkoutsOf(first.leadId)).toEqual([{ id: accepted.id }]);
    for (const refused of [a, b]) {
      expect(refused.response.status).toBe(409);
      expect(refused.error).toMatchObject({
        type: '/problems/checkout-in-progress',
        checkoutId: accepted.id,
      });
    }
  });

  it('lets a lead whose card was declined try again with another card', async () => {
    const first = newCheckoutRequest();
    const declined = (await post(first)).data!;
    await settle(declined.id, 'declined');
    await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === declined.id,
    );
    expect((await post({ ...newCheckoutRequest(), leadId: first.leadId })).response.status).toBe(
      202,
    );
  });
});

describe('the charge state machine', () => {
  const startCheckout = async () =>
    (await postCheckout(api, newCheckoutRequest(), newKey())).data!.id;
  const statusOf = async (id: string) =>
    (await api.GET('/checkouts/{id}', { params: { path: { id } } })).data;

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

  it('approves once when payment reports one attempt several times at once, as after the sweeper asked again', async () => {
    const ids = await Promise.all(Array.from({ length: 5 }, startCheckout));
    // Each report is an event of its own (a new id), so the inbox cannot tell them apart.
    const reports = ids.flatMap((checkoutId) =>
      Array.from({ length: 4 }, () =>
        eventMessage(ChargeAttempted, { checkoutId, attempt: 1, outcome: 'approved' }),
      ),
    );
    await Promise.all(reports.map((report) => financial.bus.publish(report)));
    for (const id of ids) {
      await financial.waitForPublished(
        CheckoutApproved.topic,
        (d: { checkoutId: string }) => d.checkoutId === id,
      );
    }
    const approved = financial.published
      .filter((m) => m.topic === CheckoutApproved.topic)
      .map((m) => (m.data as { checkoutId: string }).checkoutId)
      .filter((id) => ids.includes(id));
    expect(approved.sort()).toEqual([...ids].sort());
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
    const { response } = await api.GET('/checkouts/{id}', {
      params: { path: { id: 'not-a-checkout' } },
    });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('charges that get no answer', () => {
  const requestsFor = (id: string) =>
    financial.published.filter(
      (m) =>
        m.topic === ChargeRequested.topic && (m.data as { checkoutId: string }).checkoutId === id,
    );

  it('asks payment again for the same attempt once the charge is stuck, then settles on the answer', async () => {
    const acceptedAt = Date.now();
    const id = (await postCheckout(api, newCheckoutRequest(), newKey())).data!.id;
    await waitUntil('a second request for attempt 1', () =>
      requestsFor(id).length >= 2 ? true : undefined,
    );
    expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(chargeStuckAfterMs);
    expect(requestsFor(id).map((m) => (m.data as { attempt: number }).attempt)).toEqual([1, 1]);
    await financial.bus.publish(
      eventMessage(ChargeAttempted, { checkoutId: id, attempt: 1, outcome: 'approved' }),
    );
    await financial.waitForPublished(
      CheckoutApproved.topic,
      (d: { checkoutId: string }) => d.checkoutId === id,
    );
  });

  it('after the bounded tries makes the last call, and declines only on the word of payment that nothing was charged', async () => {
    const id = (await postCheckout(api, newCheckoutRequest(), newKey())).data!.id;
    const lastCall = await financial.waitForPublished(
      ChargeRequested.topic,
      (d: { checkoutId: string; lastCall?: boolean }) => d.checkoutId === id && d.lastCall === true,
      // Each step waits out the threshold plus up to one sweep interval (1 s at this threshold).
      (maxChargeRecoveries + 1) * (chargeStuckAfterMs + 1000) + 2000,
    );
    // The first request, the requests again, then the last call.
    expect(requestsFor(id)).toHaveLength(1 + maxChargeRecoveries + 1);
    expect((await api.GET('/checkouts/{id}', { params: { path: { id } } })).data).toMatchObject({
      status: 'processing',
    });
    await financial.bus.publish(
      eventMessage(ChargeAttempted, {
        checkoutId: id,
        attempt: (lastCall.data as { attempt: number }).attempt,
        outcome: 'declined',
        declineReason: 'processing_error',
      }),
    );
    const declined = await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === id,
    );
    expect(declined.data).toMatchObject({ declineReason: 'processing_error' });
  });
});

describe('the payer, the receipt and the charge history', () => {
  const statusOf = async (id: string) =>
    (await api.GET('/checkouts/{id}', { params: { path: { id } } })).data;
  const answer = (checkoutId: string, attempt: number, outcome: 'approved' | 'gateway_error') =>
    financial.bus.publish(eventMessage(ChargeAttempted, { checkoutId, attempt, outcome }));

  it('keeps the payer of each checkout apart from it, the document in digits', async () => {
    const id = (await postCheckout(api, newCheckoutRequest(), newKey())).data!.id;
    const [row] = await financial.orm.em
      .fork()
      .execute(`select * from financial.payer where checkout_id = ?`, [id]);
    expect(row).toEqual({
      checkout_id: id,
      type: 'individual',
      name: payer.name,
      email: payer.email,
      document: '52998224725',
      phone: payer.phone,
      postal_code: payer.address.postalCode,
      street: payer.address.street,
      number: payer.address.number,
      complement: null,
      district: payer.address.district,
      city: payer.address.city,
      state: payer.address.state,
    });
  });

  it('gives the approval a receipt with the card summary and the masked document, no address nor phone', async () => {
    const request = { ...newCheckoutRequest(), leadId: `lead-en-${Date.now()}-${counter++}` };
    const id = (await postCheckout(api, request, newKey())).data!.id;
    await answer(id, 1, 'approved');
    const approved = await financial.waitForPublished(
      CheckoutApproved.topic,
      (d: { checkoutId: string }) => d.checkoutId === id,
    );
    const decidedAt = (await statusOf(id))?.decidedAt;
    expect(approved.data).toMatchObject({
      language: 'en',
      student: { name: lead.name, email: lead.email },
      receipt: {
        payer: {
          type: 'individual',
          name: payer.name,
          email: payer.email,
          maskedDocument: '***.982.247-**',
        },
        card,
        approvedAt: decidedAt,
      },
    });
    const published = JSON.stringify(approved.data);
    for (const secret of ['52998224725', payer.document, payer.phone, payer.address.street])
      expect(published).not.toContain(secret);
  });

  it('shows each attempt once, in order, between when the checkout was taken and when it was decided', async () => {
    const accepted = (await postCheckout(api, newCheckoutRequest(), newKey())).data!;
    expect(accepted).toMatchObject({ attempts: [], createdAt: expect.any(String) });
    expect(accepted.decidedAt).toBeUndefined();
    await answer(accepted.id, 1, 'gateway_error');
    // The same attempt reported again under another event id (as after a request again).
    await answer(accepted.id, 1, 'gateway_error');
    await financial.waitForPublished(
      ChargeRequested.topic,
      (d: { checkoutId: string; attempt: number }) =>
        d.checkoutId === accepted.id && d.attempt === 2,
    );
    await answer(accepted.id, 2, 'approved');
    const history = await waitUntil('the checkout to be approved', async () => {
      const checkout = await statusOf(accepted.id);
      return checkout?.status === 'approved' ? checkout : undefined;
    });
    expect(history.createdAt).toBe(accepted.createdAt);
    expect(history.attempts).toEqual([
      { number: 1, outcome: 'gateway_error', at: expect.any(String) },
      { number: 2, outcome: 'approved', at: history.decidedAt },
    ]);
    const times = [history.createdAt, ...history.attempts.map((a) => a.at), history.decidedAt];
    expect(times.map((t) => Date.parse(t!))).toEqual(times.map((t) => Date.parse(t!)).sort());
  });

  it('replays the stored 202 body unchanged after the checkout has moved on', async () => {
    const key = newKey();
    const request = newCheckoutRequest();
    const first = (await postCheckout(api, request, key)).data!;
    await answer(first.id, 1, 'approved');
    await waitUntil('the checkout to be approved', async () =>
      (await statusOf(first.id))?.status === 'approved' ? true : undefined,
    );
    expect((await postCheckout(api, request, key)).data).toEqual(first);
  });
});

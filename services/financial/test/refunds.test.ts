import {
  ChargeAttempted,
  ChargeRefunded,
  CheckoutRefunded,
  RefundRequested,
} from '@checkout/contracts';
import { createCheckoutClient, createSellerClient, type CheckoutClient } from '@checkout/client';
import { eventMessage, individualPayer, postCheckout } from '@checkout/test-kit';
import { settingsForTests, startFinancial } from './start-financial';

/**
 * Refunds against real PostgreSQL: within 7 days of approval always, beyond per the seller's
 * window; a key replays its answer; a sale is refunded once whatever is asked, and becomes
 * `refunded` once payment reports the money back.
 */
const { sellerApiKey } = settingsForTests;
const directories = {
  leads: { findLead: async () => ({ name: 'Ana Souza', email: 'ana@example.com' }) },
  cards: { findChargeableCard: async () => ({ brand: 'visa', last4: '4242' }) },
};
const topics = [RefundRequested.topic, CheckoutRefunded.topic];
let counter = 0;
const unique = () => `${Date.now()}-${counter++}`;

/** A financial service with the seller's refund window, and an approved checkout approved `daysAgo`. */
async function startWithWindow(refundWindowDays: number) {
  const financial = await startFinancial({ ...directories, refundWindowDays }, topics);
  const api = createCheckoutClient({ baseUrl: `${financial.baseUrl}/api/v1` });
  const seller = createSellerClient({
    baseUrl: `${financial.baseUrl}/api/v1`,
    apiKey: sellerApiKey,
  });
  const approvedSale = async (daysAgo = 0) => {
    const checkout = await postCheckout(api, requestFor(), `key-${unique()}`);
    const checkoutId = checkout.data!.id;
    await financial.bus.publish(
      eventMessage(ChargeAttempted, { checkoutId, attempt: 1, outcome: 'approved' }),
    );
    await waitForStatus(api, checkoutId, 'approved');
    await financial.orm.em
      .fork()
      .execute(
        `update financial.checkout set decided_at = now() - ? * interval '1 day' where id = ?`,
        [daysAgo, checkoutId],
      );
    return checkoutId;
  };
  return { financial, api, seller, approvedSale };
}

const requestFor = () => ({
  leadId: `lead-${unique()}`,
  courseId: 'typescript-fundamentals',
  cardToken: `tok_${unique()}`,
  payer: individualPayer,
});

async function waitForStatus(api: CheckoutClient, id: string, status: string) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { data } = await api.GET('/checkouts/{id}', { params: { path: { id } } });
    if (data?.status === status) return data;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`checkout ${id} did not become ${status} within 10 s`);
}

describe('the refund window', () => {
  let service: Awaited<ReturnType<typeof startWithWindow>>;
  beforeAll(async () => {
    service = await startWithWindow(7);
  });
  afterAll(() => service.financial.stop());

  it('refunds a sale approved 6 days ago and refuses one approved 8 days ago with a 409', async () => {
    const recent = await service.approvedSale(6);
    const accepted = await service.seller.refundSale(recent, `r-${unique()}`);
    expect(accepted.response.status).toBe(202);
    expect(accepted.data).toMatchObject({ id: recent, refund: { status: 'requested' } });

    const old = await service.approvedSale(8);
    const refused = await service.seller.refundSale(old, `r-${unique()}`);
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({
      title: 'Refund window closed',
      detail: 'This sale was approved more than 7 days ago; the refund window is 7 days.',
      errors: [expect.objectContaining({ field: 'id' })],
    });
    expect(
      service.financial.published
        .filter((m) => m.topic === RefundRequested.topic)
        .map((m) => (m.data as { checkoutId: string }).checkoutId),
    ).not.toContain(old);
  });

  it('refuses a checkout still processing with a 409, and an unknown one with a 404', async () => {
    const processing = await postCheckout(service.api, requestFor(), `key-${unique()}`);
    const refused = await service.seller.refundSale(processing.data!.id, `r-${unique()}`);
    expect(refused.response.status).toBe(409);
    expect(refused.error?.title).toBe('Not refundable');
    expect((await service.seller.refundSale('no-such-sale', `r-${unique()}`)).response.status).toBe(
      404,
    );
  });

  it('replays a key, answers a second key with the same refund, refuses a key reused for another sale', async () => {
    const sale = await service.approvedSale();
    const key = `r-${unique()}`;
    const first = await service.seller.refundSale(sale, key);
    const replayed = await service.seller.refundSale(sale, key);
    const otherKey = await service.seller.refundSale(sale, `r-${unique()}`);
    expect(replayed.response.status).toBe(202);
    expect(replayed.data).toEqual(first.data);
    expect(otherKey.data).toEqual(first.data);
    const requests = service.financial.published.filter(
      (m) =>
        m.topic === RefundRequested.topic && (m.data as { checkoutId: string }).checkoutId === sale,
    );
    expect(requests).toHaveLength(1);

    const another = await service.approvedSale();
    const reused = await service.seller.refundSale(another, key);
    expect(reused.response.status).toBe(422);
    expect(reused.error?.errors?.[0]?.field).toBe('Idempotency-Key');
  });

  it('refunds one of two sales asked at once under one key, and refuses the other with a 422', async () => {
    const sales = [await service.approvedSale(), await service.approvedSale()];
    const key = `r-${unique()}`;
    const answers = await Promise.all(sales.map((sale) => service.seller.refundSale(sale, key)));
    expect(answers.map((a) => a.response.status).sort()).toEqual([202, 422]);
    expect(answers.find((a) => a.response.status === 422)?.error?.errors?.[0]?.field).toBe(
      'Idempotency-Key',
    );
  });

  it('becomes refunded once when payment reports the money back, however often', async () => {
    const sale = await service.approvedSale();
    await service.seller.refundSale(sale, `r-${unique()}`);
    const report = eventMessage(ChargeRefunded, {
      checkoutId: sale,
      amountCents: 29_700,
      currency: 'BRL',
      refundedAt: new Date().toISOString(),
    });
    await service.financial.bus.publish(report);
    await service.financial.bus.publish(report);
    await service.financial.waitForPublished(
      CheckoutRefunded.topic,
      (d: { checkoutId: string }) => d.checkoutId === sale,
    );
    await waitForStatus(service.api, sale, 'refunded');
    const { data } = await service.seller.listSales();
    expect(data?.items.find((item) => item.id === sale)?.refund.status).toBe('refunded');
    const told = service.financial.published.filter(
      (m) =>
        m.topic === CheckoutRefunded.topic &&
        (m.data as { checkoutId: string }).checkoutId === sale,
    );
    expect(told).toHaveLength(1);
  });
});

describe("a seller's longer refund window", () => {
  let service: Awaited<ReturnType<typeof startWithWindow>>;
  beforeAll(async () => {
    service = await startWithWindow(30);
  });
  afterAll(() => service.financial.stop());

  it('refunds a sale approved 20 days ago, not one approved 31 days ago', async () => {
    expect(
      (await service.seller.refundSale(await service.approvedSale(20), `r-${unique()}`)).response
        .status,
    ).toBe(202);
    const refused = await service.seller.refundSale(
      await service.approvedSale(31),
      `r-${unique()}`,
    );
    expect(refused.error?.detail).toBe(
      'This sale was approved more than 30 days ago; the refund window is 30 days.',
    );
  });
});

describe('the list of sales', () => {
  let service: Awaited<ReturnType<typeof startWithWindow>>;
  beforeAll(async () => {
    service = await startWithWindow(7);
  });
  afterAll(() => service.financial.stop());

  it('pages through approved sales newest first, with the payer but no card or document', async () => {
    const older = await service.approvedSale(2);
    const newer = await service.approvedSale(1);
    const first = await service.seller.listSales({ limit: 1 });
    expect(first.data?.items.map((sale) => sale.id)).toEqual([newer]);
    const second = await service.seller.listSales({ limit: 1, cursor: first.data!.nextCursor! });
    expect(second.data?.items.map((sale) => sale.id)).toEqual([older]);
    expect(second.data?.items[0]).toMatchObject({
      payer: { name: individualPayer.name, email: individualPayer.email },
      paymentMethod: 'card',
      installments: 1,
      refund: { status: 'none' },
    });
    expect(JSON.stringify(second.data)).not.toContain(individualPayer.document);
    expect(JSON.stringify(second.data)).not.toContain('tok_');
    const cursorOf = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of ['bm9wZQ', cursorOf('+275760-09-13T00:00:00.000Z|x'), cursorOf('2026|x')])
      expect((await service.seller.listSales({ cursor })).response.status).toBe(422);
  });
});

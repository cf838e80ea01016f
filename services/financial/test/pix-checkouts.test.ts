import {
  ChargeAttempted,
  ChargeRequested,
  CheckoutApproved,
  CheckoutDeclined,
  PixChargeOpened,
} from '@checkout/contracts';
import {
  createCheckoutClient,
  createSellerClient,
  type ApiSchemas,
  type CheckoutClient,
} from '@checkout/client';
import {
  eventMessage,
  individualPayer,
  postCheckout,
  waitUntil,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import type { ServiceRuntime } from '@checkout/service-kit';
import { hasError, parsePix, PixElementType } from 'pix-utils';
import { settingsForTests, startFinancial } from './start-financial';

const { pixKey } = settingsForTests.pix;
/** Short, so that expiry is seen within the test; long enough for a request to be answered. */
const expiryMs = 4000;
/** Tokens the vault was asked about: a PIX checkout must never ask it anything. */
const askedTheVault: string[] = [];
let counter = 0;
const newKey = () => `pix-key-${Date.now()}-${counter++}`;
const pixRequest = (): ApiSchemas['CheckoutRequest'] => ({
  leadId: `lead-pix-${Date.now()}-${counter++}`,
  courseId: 'typescript-fundamentals',
  paymentMethod: { type: 'pix' },
  payer: individualPayer,
});

let financial: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;

beforeAll(async () => {
  financial = await startFinancial(
    {
      leads: { findLead: async () => ({ name: 'Ana Souza', email: 'ana@example.com' }) },
      cards: {
        findChargeableCard: async (token) => {
          askedTheVault.push(token);
          return { brand: 'visa', last4: '4242' };
        },
      },
      // Short: a PIX checkout must still not be taken for a stuck card charge.
      chargeStuckAfterMs: 1000,
      pix: { ...settingsForTests.pix, expiryMs },
      // One declined card and a lead waits: an expired PIX charge must not count as one.
      declineLimits: { ...settingsForTests.declineLimits, perLead: 1 },
    },
    [ChargeRequested.topic, CheckoutApproved.topic, CheckoutDeclined.topic, PixChargeOpened.topic],
  );
  api = createCheckoutClient({ baseUrl: `${financial.baseUrl}/api/v1` });
});
afterAll(() => financial.stop());

const requestsFor = (checkoutId: string) =>
  financial.published.filter(
    (m) =>
      m.topic === ChargeRequested.topic &&
      (m.data as { checkoutId: string }).checkoutId === checkoutId,
  );

describe('a checkout paid by PIX', () => {
  it('answers 202 with a BR Code for the catalogue price to the seller’s key, its QR code and expiry', async () => {
    const before = Date.now();
    const { data: checkout, response } = await postCheckout(api, pixRequest(), newKey());
    expect(response.status).toBe(202);
    expect(checkout).toMatchObject({
      status: 'processing',
      amountCents: 29700,
      paymentMethod: { type: 'pix' },
    });
    const parsed = parsePix(checkout!.pix!.brCode);
    if (hasError(parsed) || parsed.type !== PixElementType.STATIC) throw new Error('no BR Code');
    expect(parsed).toMatchObject({ pixKey, transactionAmount: 297 });
    expect(parsed.txid).toBe(checkout!.id.replaceAll('-', '').slice(0, 25));
    expect(checkout!.pix!.qrCodeSvg).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const opened = await financial.waitForPublished(
      PixChargeOpened.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkout!.id,
    );
    expect(opened.data).toEqual({
      checkoutId: checkout!.id,
      txid: parsed.txid,
      amountCents: 29700,
      currency: 'BRL',
      expiresAt: checkout!.pix!.expiresAt,
    });
    const expiresAt = Date.parse(checkout!.pix!.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(expiryMs);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(expiryMs);
  });

  it('never asks the vault anything nor payment to charge a card, while stuck card charges beside it are asked again', async () => {
    const asked = askedTheVault.length;
    const { data: byPix } = await postCheckout(api, pixRequest(), newKey());
    expect(askedTheVault).toHaveLength(asked);
    const { paymentMethod: _pix, ...byCard } = pixRequest();
    const { data: card } = await postCheckout(
      api,
      { ...byCard, cardToken: `tok_${counter++}` },
      newKey(),
    );
    await waitUntil('the stuck card charge requested again', () =>
      requestsFor(card!.id).length >= 2 ? true : undefined,
    );
    expect(requestsFor(byPix!.id)).toEqual([]);
  });

  it('shows the payment method and the charge to pay on the checkout while it is processing', async () => {
    const { data: accepted } = await postCheckout(api, pixRequest(), newKey());
    const { data: shown } = await api.GET('/checkouts/{id}', {
      params: { path: { id: accepted!.id } },
    });
    expect(shown).toMatchObject({ paymentMethod: { type: 'pix' }, pix: accepted!.pix });
  });

  it('replays the same answer, BR Code and expiry included, for the same Idempotency-Key', async () => {
    const request = pixRequest();
    const key = newKey();
    const first = await postCheckout(api, request, key);
    const again = await postCheckout(api, request, key);
    expect(again.response.status).toBe(202);
    expect(again.data).toEqual(first.data);
  });

  it('refuses a card token with PIX as 422 naming cardToken, and creates nothing', async () => {
    const request = { ...pixRequest(), cardToken: 'tok_anything' };
    const { response, error } = await postCheckout(api, request, newKey());
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([{ field: 'cardToken', message: expect.any(String) }]);
  });

  it('refuses installments with PIX as 422 naming installments: a PIX payment is made in one go', async () => {
    const { response, error } = await postCheckout(
      api,
      { ...pixRequest(), installments: 12 },
      newKey(),
    );
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([{ field: 'installments', message: expect.any(String) }]);
    const once = await postCheckout(api, { ...pixRequest(), installments: 1 }, newKey());
    expect(once.response.status).toBe(202);
  });

  it('still takes a card by default, and refuses a card payment without a token as 422 naming cardToken', async () => {
    const { paymentMethod: _pix, ...byCard } = pixRequest();
    const { response, error } = await postCheckout(api, byCard, newKey());
    expect(response.status).toBe(422);
    expect(error?.errors).toEqual([{ field: 'cardToken', message: expect.any(String) }]);
    const explicit = await postCheckout(
      api,
      { ...byCard, paymentMethod: { type: 'card' }, cardToken: `tok_${counter++}` },
      newKey(),
    );
    expect(explicit.response.status).toBe(202);
    expect(explicit.data).toMatchObject({ paymentMethod: { type: 'card' } });
    expect(explicit.data).not.toHaveProperty('pix');
  });
});

describe('the end of a PIX charge', () => {
  const published = (topic: string, checkoutId: string) =>
    financial.published.filter(
      (m) => m.topic === topic && (m.data as { checkoutId: string }).checkoutId === checkoutId,
    );
  const paid = (checkoutId: string) =>
    financial.bus.publish(
      eventMessage(ChargeAttempted, { checkoutId, attempt: 1, outcome: 'approved' }),
    );

  it('is approved down the card’s path when payment reports it paid, with a receipt that names PIX', async () => {
    const { data: checkout } = await postCheckout(api, pixRequest(), newKey());
    await paid(checkout!.id);
    const approved = await financial.waitForPublished(
      CheckoutApproved.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkout!.id,
    );
    expect(approved.data).toMatchObject({ amountCents: 29700, receipt: { paymentMethod: 'pix' } });
    expect(approved.data).not.toHaveProperty('cardToken');
    expect(approved.data).not.toHaveProperty('receipt.card');
    const { data: shown } = await api.GET('/checkouts/{id}', {
      params: { path: { id: checkout!.id } },
    });
    expect(shown).toMatchObject({ status: 'approved', paymentMethod: { type: 'pix' } });
    expect(shown).not.toHaveProperty('pix');
  });

  it('is declined expired once when unpaid past its expiry, and a payment after that changes nothing', async () => {
    const { data: checkout } = await postCheckout(api, pixRequest(), newKey());
    const declined = await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkout!.id,
      expiryMs + 10_000,
    );
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(checkout!.pix!.expiresAt));
    expect(declined.data).toMatchObject({
      declineReason: 'expired',
      payer: { email: individualPayer.email },
    });
    await paid(checkout!.id);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(published(CheckoutDeclined.topic, checkout!.id)).toHaveLength(1);
    expect(published(CheckoutApproved.topic, checkout!.id)).toEqual([]);
    const { data: shown } = await api.GET('/checkouts/{id}', {
      params: { path: { id: checkout!.id } },
    });
    expect(shown).toMatchObject({ status: 'declined', declineReason: 'expired' });
    // Left to expire is no declined card: the lead may order again at once.
    const again = await postCheckout(api, { ...pixRequest(), leadId: checkout!.leadId }, newKey());
    expect(again.response.status).toBe(202);
  });

  it('with a coupon asks for the discounted total, and gives the use back when it expires unpaid', async () => {
    const seller = createSellerClient({
      baseUrl: `${financial.baseUrl}/api/v1`,
      apiKey: settingsForTests.sellerApiKey,
    });
    const code = `PIX-${Date.now()}`;
    await seller.createCoupon({ code, percentOff: 10, maxUses: 1 });
    const usesOf = async () =>
      (await seller.listCoupons()).data?.items.find((coupon) => coupon.code === code)?.uses;
    const { data: checkout } = await postCheckout(
      api,
      { ...pixRequest(), couponCode: code },
      newKey(),
    );
    expect(checkout).toMatchObject({ amountCents: 26730, coupon: { code, discountCents: 2970 } });
    expect(parsePix(checkout!.pix!.brCode)).toMatchObject({ transactionAmount: 267.3 });
    expect(await usesOf()).toBe(1);
    await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkout!.id,
      expiryMs + 10_000,
    );
    expect(await usesOf()).toBe(0);
  });
});

import { ChargeAttempted, CheckoutDeclined } from '@checkout/contracts';
import {
  createCheckoutClient,
  createSellerClient,
  type ApiSchemas,
  type CheckoutClient,
  type SellerClient,
} from '@checkout/client';
import {
  eventMessage,
  individualPayer,
  postCheckout,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import type { ServiceRuntime } from '@checkout/service-kit';
import { settingsForTests, startFinancial } from './start-financial';

/**
 * A coupon's uses against real PostgreSQL: taken with the checkout, kept when a request is
 * replayed or refused, and given back once by a decline however often payment's answer comes.
 */
const { sellerApiKey } = settingsForTests;
let financial: ServiceUnderTest<ServiceRuntime>;
let api: CheckoutClient;
let seller: SellerClient;
let counter = 0;
const unique = () => `${Date.now()}-${counter++}`;

beforeAll(async () => {
  financial = await startFinancial(
    {
      leads: { findLead: async () => ({ name: 'Ana Souza', email: 'ana@example.com' }) },
      cards: { findChargeableCard: async () => ({ brand: 'visa', last4: '4242' }) },
    },
    [CheckoutDeclined.topic],
  );
  api = createCheckoutClient({ baseUrl: `${financial.baseUrl}/api/v1` });
  seller = createSellerClient({ baseUrl: `${financial.baseUrl}/api/v1`, apiKey: sellerApiKey });
});
afterAll(() => financial.stop());

async function newCoupon(maxUses: number) {
  const { data } = await seller.createCoupon({ code: `c-${unique()}`, percentOff: 10, maxUses });
  return data!.code;
}
const usesOf = async (code: string) =>
  (await seller.listCoupons()).data?.items.find((coupon) => coupon.code === code)?.uses;
const requestWith = (couponCode: string): ApiSchemas['CheckoutRequest'] => ({
  leadId: `lead-${unique()}`,
  courseId: 'typescript-fundamentals',
  cardToken: `tok_${unique()}`,
  payer: individualPayer,
  couponCode,
});

describe("a coupon's uses", () => {
  it('are taken once for a request replayed under its Idempotency-Key', async () => {
    const code = await newCoupon(5);
    const request = requestWith(code);
    const key = `key-${unique()}`;
    const first = await postCheckout(api, request, key);
    const again = await postCheckout(api, request, key);
    expect(again.data).toEqual(first.data);
    expect(await usesOf(code)).toBe(1);
    const otherCoupon = await postCheckout(api, { ...request, couponCode: 'OTHER' }, key);
    expect(otherCoupon.error?.errors?.[0]?.field).toBe('Idempotency-Key');
  });

  it('are left as they were by a checkout refused for its card token', async () => {
    const code = await newCoupon(5);
    const request = requestWith(code);
    expect((await postCheckout(api, request, `key-${unique()}`)).response.status).toBe(202);
    const sameCard = await postCheckout(
      api,
      { ...request, leadId: `lead-${unique()}` },
      `key-${unique()}`,
    );
    expect(sameCard.response.status).toBe(409);
    expect(await usesOf(code)).toBe(1);
  });

  it('get one use back from a declined checkout, however often its answer is delivered', async () => {
    const code = await newCoupon(2);
    const kept = await postCheckout(api, requestWith(code), `key-${unique()}`);
    const declined = await postCheckout(api, requestWith(code), `key-${unique()}`);
    expect(await usesOf(code)).toBe(2);
    const checkoutId = declined.data!.id;
    const answer = { checkoutId, attempt: 1, outcome: 'declined' as const };
    const delivery = eventMessage(ChargeAttempted, { ...answer, declineReason: 'card_declined' });
    await financial.bus.publish(delivery);
    await financial.bus.publish(delivery); // redelivered
    await financial.bus.publish(
      eventMessage(ChargeAttempted, { ...answer, declineReason: 'card_declined' }),
    ); // reported again, as after the sweeper asked again
    await financial.waitForPublished(
      CheckoutDeclined.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkoutId,
    );
    expect(await usesOf(code)).toBe(1);
    expect(kept.response.status).toBe(202);
  });
});

describe('defining a coupon', () => {
  it('refuses an empty window, a date no coupon needs and an unknown course, naming the field', async () => {
    const fieldOf = async (coupon: Partial<ApiSchemas['CouponRequest']>) =>
      (await seller.createCoupon({ code: `d-${unique()}`, percentOff: 10, ...coupon })).error
        ?.errors?.[0]?.field;
    const at = '2027-01-01T00:00:00Z';
    expect(await fieldOf({ validFrom: at, validUntil: at })).toBe('validUntil');
    expect(await fieldOf({ validFrom: '0000-01-01T00:00:00Z' })).toBe('validFrom');
    expect(await fieldOf({ courseId: 'no-such-course' })).toBe('courseId');
    expect(await fieldOf({ validFrom: '2026-01-01T00:00:00Z', validUntil: at })).toBeUndefined();
  });
});

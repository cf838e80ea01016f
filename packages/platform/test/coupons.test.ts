import { randomBytes } from 'node:crypto';
import { createSellerClient, type ApiSchemas, type SellerClient } from '@checkout/client';
import {
  buyCourse,
  checkoutRequestFor,
  postCheckout,
  registerTestLead,
  sendRaw,
  startTestPlatform,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';

/**
 * Coupons on the platform as a user runs it: the seller defines them through the admin API with
 * the seller key, buyers name them at checkout, the last use goes to one buyer however many ask
 * at once, a declined checkout gives its use back, and no coupon takes a price under the floor.
 */
let platform: TestPlatform;
let seller: SellerClient;
const sellerApiKey = randomBytes(24).toString('base64url');
const sampleCourse = 'typescript-fundamentals';
let sequence = 0;
/** A code of this run's own, in lower case: the platform keeps it upper-case. */
const newCode = (name: string) => `${name}-${Date.now()}-${sequence++}`;

beforeAll(async () => {
  platform = await startTestPlatform({ SELLER_API_KEY: sellerApiKey });
  seller = createSellerClient({ baseUrl: `${platform.baseUrl}/api/v1`, apiKey: sellerApiKey });
}, 180_000);

afterAll(() => platform?.stop());

async function defineCoupon(coupon: ApiSchemas['CouponRequest']) {
  const { data, error } = await seller.createCoupon(coupon);
  if (!data) throw new Error(`the coupon was refused: ${JSON.stringify(error)}`);
  return data;
}

const usesOf = async (code: string) =>
  (await seller.listCoupons()).data?.items.find((coupon) => coupon.code === code)?.uses;

/** Leads and cards of buyers of their own, ready to pay: the checkouts can then go at once. */
const readyBuyers = (count: number, cardNumber: string) =>
  Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const email = `coupon-${Date.now()}-${sequence++}-${i}@example.com`;
      const lead = await registerTestLead(platform.api, email);
      const card = await tokenizeTestCard(platform.api, cardNumber);
      return checkoutRequestFor(lead.data!.id, card.data!.token, `payer-${email}`);
    }),
  );

const chargesOf = (checkoutId: string) =>
  platform.sql(
    `select amount_cents, installments, outcome from payment.simulated_acquirer_charge
      where reference = $1`,
    [checkoutId],
  );

describe('the seller API', () => {
  it('refuses a request without the seller key, or with a wrong one, as 401 problem+json', async () => {
    const missing = await sendRaw(`${platform.baseUrl}/api/v1/admin/coupons`);
    expect(missing.response.status).toBe(401);
    expect(missing.response.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.response.headers.get('www-authenticate')).toBe('Bearer');
    const wrongKey = createSellerClient({
      baseUrl: `${platform.baseUrl}/api/v1`,
      apiKey: `${sellerApiKey}x`,
    });
    const wrong = await wrongKey.createCoupon({ code: newCode('nope'), percentOff: 10 });
    expect(wrong.response.status).toBe(401);
    expect(wrong.error).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await wrongKey.listCoupons()).response.status).toBe(401);
  });

  it('defines a coupon under its upper-case code and refuses the same code again', async () => {
    const code = newCode('welcome');
    const coupon = await defineCoupon({ code, percentOff: 10, courseId: sampleCourse });
    expect(coupon).toMatchObject({ code: code.toUpperCase(), percentOff: 10, uses: 0 });
    const again = await seller.createCoupon({ code: code.toUpperCase(), amountOffCents: 100 });
    expect(again.response.status).toBe(409);
    const both = await seller.createCoupon({
      code: newCode('x'),
      percentOff: 5,
      amountOffCents: 1,
    });
    expect(both.error?.errors).toEqual([expect.objectContaining({ field: 'percentOff' })]);
  });
});

describe('coupons at checkout', () => {
  it("grants a coupon's last use to exactly one of 10 concurrent checkouts, charged the discounted total", async () => {
    const code = newCode('last-one');
    await defineCoupon({ code, percentOff: 10, courseId: sampleCourse, maxUses: 1 });
    const requests = await readyBuyers(10, testCards.approved);
    const answers = await Promise.all(
      requests.map((request, i) =>
        postCheckout(platform.api, { ...request, couponCode: code }, `last-${code}-${i}`),
      ),
    );

    const granted = answers.filter((answer) => answer.response.status === 202);
    const refused = answers.filter((answer) => answer.response.status === 422);
    expect({ granted: granted.length, refused: refused.length }).toEqual({
      granted: 1,
      refused: 9,
    });
    for (const { error } of refused)
      expect(error?.errors).toEqual([
        { field: 'couponCode', message: 'This coupon has no uses left.' },
      ]);
    const checkout = granted[0]!.data!;
    expect(checkout).toMatchObject({
      amountCents: 26_730,
      coupon: { code: code.toUpperCase(), discountCents: 2_970 },
    });
    expect(await waitForOutcome(platform.api, checkout.id)).toMatchObject({
      status: 'approved',
      amountCents: 26_730,
      coupon: { code: code.toUpperCase(), discountCents: 2_970 },
    });
    expect(await chargesOf(checkout.id)).toEqual([
      { amount_cents: 26_730, installments: 1, outcome: 'approved' },
    ]);
    expect(await usesOf(code.toUpperCase())).toBe(1);

    const receipt = await platform.sink.waitFor((e) => e.text.includes(checkout.id), 30_000);
    expect(receipt.text).toContain('pagamento de R$\u00a0267,30 pelo curso');
    expect(receipt.text).toContain(
      `Cupom ${code.toUpperCase()}: desconto de R$\u00a029,70 sobre o preço do curso.`,
    );
  });

  it('takes the discount off the price before installments interest', async () => {
    const code = newCode('in-twelve');
    await defineCoupon({ code, percentOff: 10 });
    const journey = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      installments: 12,
      couponCode: code,
    });
    const id = journey.checkout.data!.id;
    expect(await waitForOutcome(platform.api, id)).toMatchObject({
      status: 'approved',
      amountCents: 30_312,
      installments: { count: 12, installmentCents: 2_526, lastInstallmentCents: 2_526 },
      coupon: { code: code.toUpperCase(), discountCents: 2_970 },
    });
    expect(await chargesOf(id)).toEqual([
      { amount_cents: 30_312, installments: 12, outcome: 'approved' },
    ]);
  });

  it('gives the use of a declined checkout back once, and a later checkout can take it', async () => {
    const code = newCode('second-chance');
    await defineCoupon({ code, amountOffCents: 5_000, maxUses: 1 });
    const declined = await buyCourse(platform.api, {
      cardNumber: testCards.declined,
      couponCode: code,
    });
    expect(declined.checkout.response.status).toBe(202);
    expect(await usesOf(code.toUpperCase())).toBe(1);
    expect(await waitForOutcome(platform.api, declined.checkout.data!.id)).toMatchObject({
      status: 'declined',
    });
    await waitUntil('the declined checkout to give its use back', async () =>
      (await usesOf(code.toUpperCase())) === 0 ? true : undefined,
    );

    const later = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      couponCode: code.toLowerCase(),
    });
    expect(later.checkout.response.status).toBe(202);
    expect(await waitForOutcome(platform.api, later.checkout.data!.id)).toMatchObject({
      status: 'approved',
      amountCents: 24_700,
    });
    expect(await usesOf(code.toUpperCase())).toBe(1);
    const [row] = await platform.sql<{ returned: number }>(
      `select count(*)::int as returned from financial.checkout
        where coupon_code = $1 and coupon_use_returned_at is not null`,
      [code.toUpperCase()],
    );
    expect(row?.returned).toBe(1);
  });

  it('never takes a price under the floor, however large the discount', async () => {
    const code = newCode('everything');
    await defineCoupon({ code, amountOffCents: 1_000_000 });
    const journey = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      couponCode: code,
    });
    const id = journey.checkout.data!.id;
    expect(await waitForOutcome(platform.api, id)).toMatchObject({
      status: 'approved',
      amountCents: 500,
      coupon: { discountCents: 29_200 },
    });
    expect(await chargesOf(id)).toEqual([
      { amount_cents: 500, installments: 1, outcome: 'approved' },
    ]);
  });

  it('refuses an unknown, not yet valid, expired or other course coupon, each for its reason', async () => {
    const day = 86_400_000;
    const at = (offset: number) => new Date(Date.now() + offset).toISOString();
    const coupons = {
      unknown: newCode('nobody-made-this'),
      notYet: (await defineCoupon({ code: newCode('soon'), percentOff: 10, validFrom: at(day) }))
        .code,
      expired: (
        await defineCoupon({
          code: newCode('gone'),
          percentOff: 10,
          validFrom: at(-2 * day),
          validUntil: at(-day),
        })
      ).code,
      otherCourse: (
        await defineCoupon({
          code: newCode('k8s'),
          percentOff: 10,
          courseId: 'kubernetes-for-developers',
        })
      ).code,
    };
    // Refused before the lead or the card is looked at.
    const request = checkoutRequestFor('lead-never-looked-up', 'tok_never_looked_up', 'p@x.com');
    const refusals: Record<string, string | undefined> = {};
    for (const [name, couponCode] of Object.entries(coupons)) {
      const { response, error } = await postCheckout(
        platform.api,
        { ...request, couponCode },
        `refused-${couponCode}`,
      );
      expect({ name, status: response.status, field: error?.errors?.[0]?.field }).toEqual({
        name,
        status: 422,
        field: 'couponCode',
      });
      refusals[name] = error?.detail;
    }
    expect(refusals).toEqual({
      unknown: 'No coupon with this code.',
      notYet: 'This coupon is not valid yet.',
      expired: 'This coupon has expired.',
      otherCourse: 'This coupon is for another course.',
    });
  });
});

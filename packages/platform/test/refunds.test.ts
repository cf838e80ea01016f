import { randomBytes } from 'node:crypto';
import { createSellerClient, type SellerClient } from '@checkout/client';
import { parseKeyRing } from '@checkout/service-kit';
import {
  buyCourse,
  checkoutRequestFor,
  postCheckout,
  registerTestLead,
  sendRaw,
  startTestPlatform,
  testCards,
  waitForOutcome,
  waitUntil,
  type TestPlatform,
} from '@checkout/test-kit';
import { payPixCharge } from '../src/pay-pix-charge';

/**
 * Refunds on the platform as a user runs it: the seller refunds a sale paid by card or by PIX
 * through the admin API, the student loses the course, student and payer get one e-mail each,
 * whatever is asked twice, and the simulators hold one refund per refunded checkout.
 */
const sellerApiKey = randomBytes(24).toString('base64url');
const webhookKeys = `e2e-1:${randomBytes(32).toString('base64')}`;
const publicUrl = 'http://shop.example';
const password = 'uma senha bem longa';
let platform: TestPlatform;
let seller: SellerClient;
let sequence = 0;
/** Every checkout this file made, and whether a refund was asked: the ledger checks them all. */
const made = new Map<string, boolean>();

beforeAll(async () => {
  platform = await startTestPlatform({
    SELLER_API_KEY: sellerApiKey,
    PIX_WEBHOOK_KEYS: webhookKeys,
    PUBLIC_URL: publicUrl,
  });
  seller = createSellerClient({ baseUrl: `${platform.baseUrl}/api/v1`, apiKey: sellerApiKey });
}, 180_000);

afterAll(() => platform?.stop());

const mailsTo = (address: string) => platform.sink.emails.filter((e) => e.to.includes(address));

/** The student sets a password with the link of their access e-mail and signs in. */
async function signIn(studentEmail: string) {
  // The access e-mail, not the receipt: the payer may be the student.
  const access = await platform.sink.waitFor(
    (e) => e.to.includes(studentEmail) && e.text.includes('/activate?token='),
    30_000,
  );
  const token = new RegExp(`${publicUrl}/activate\\?token=([\\w-]+)`).exec(access.text)?.[1];
  await platform.api.POST('/access/activate', { body: { token: token!, password } });
  const session = await platform.api.POST('/sessions', { body: { email: studentEmail, password } });
  return { Authorization: `Bearer ${session.data!.accessToken}` };
}

const enrollmentStatus = async (headers: { Authorization: string }) =>
  (await platform.api.GET('/me/enrollments', { headers })).data?.items[0]?.status;

async function waitForStatus(checkoutId: string, status: string) {
  return waitUntil(`checkout ${checkoutId} to be ${status}`, async () => {
    const { data } = await platform.api.GET('/checkouts/{id}', {
      params: { path: { id: checkoutId } },
    });
    return data?.status === status ? data : undefined;
  });
}

/** The simulators hold exactly one refund for each refunded checkout, and none for the others. */
async function expectOneRefundPerRefundedCheckout() {
  const rows = await platform.sql<{ reference: string; n: number }>(
    `select reference, count(*)::int as n from payment.simulated_refund
      where reference = any($1) group by reference`,
    [[...made.keys()]],
  );
  const refunds = Object.fromEntries(rows.map((row) => [row.reference, row.n]));
  const expected = Object.fromEntries(
    [...made].filter(([, refunded]) => refunded).map(([id]) => [id, 1]),
  );
  expect(refunds).toEqual(expected);
}

/** Waits for the one e-mail matching, then a moment more: a second copy would have come too. */
async function expectExactlyOne(address: string, words: string) {
  await platform.sink.waitFor((e) => e.to.includes(address) && e.text.includes(words), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(mailsTo(address).filter((e) => e.text.includes(words))).toHaveLength(1);
}

describe('refunding a sale', () => {
  it('paid by card: access revoked, one e-mail each for student and payer, however often asked, the coupon use back, and the access back when bought again', async () => {
    const code = `refund-${Date.now()}`;
    await seller.createCoupon({ code, percentOff: 10, maxUses: 1 });
    const journey = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      couponCode: code,
    });
    const id = journey.checkout.data!.id;
    made.set(id, false);
    expect(await waitForOutcome(platform.api, id)).toMatchObject({ status: 'approved' });
    const student = await signIn(journey.studentEmail);
    expect(await enrollmentStatus(student)).toBe('active');

    const key = `refund-${id}`;
    made.set(id, true);
    const [first, concurrent] = await Promise.all([
      seller.refundSale(id, key),
      seller.refundSale(id, key),
    ]);
    const anotherKey = await seller.refundSale(id, `another-${id}`);
    for (const answer of [first, concurrent, anotherKey]) {
      expect(answer.response.status).toBe(202);
      expect(answer.data).toMatchObject({ id, amountCents: 26_730, paymentMethod: 'card' });
    }

    expect(await waitForStatus(id, 'refunded')).toMatchObject({ status: 'refunded' });
    await waitUntil('the enrolment to be revoked', async () =>
      (await enrollmentStatus(student)) === 'revoked' ? true : undefined,
    );
    await expectExactlyOne(journey.studentEmail, 'seu acesso a ele foi retirado');
    await expectExactlyOne(journey.payerEmail, 'Estornamos R$\u00a0267,30 no seu cartão');
    const coupon = (await seller.listCoupons()).data?.items.find(
      (c) => c.code === code.toUpperCase(),
    );
    expect(coupon?.uses).toBe(0);
    const sale = (await seller.listSales()).data?.items.find((item) => item.id === id);
    expect(sale?.refund).toMatchObject({ status: 'refunded' });
    await expectOneRefundPerRefundedCheckout();

    // Bought again (a new lead, a new checkout): the course is the student's again.
    const again = await buyCourse(platform.api, {
      cardNumber: testCards.approved,
      studentEmail: journey.studentEmail,
    });
    made.set(again.checkout.data!.id, false);
    expect(await waitForOutcome(platform.api, again.checkout.data!.id)).toMatchObject({
      status: 'approved',
    });
    await waitUntil('the enrolment to be active again', async () =>
      (await enrollmentStatus(student)) === 'active' ? true : undefined,
    );
  });

  it('paid by PIX: the money goes back by PIX and a payer who is the student gets both e-mails', async () => {
    const n = `${Date.now()}-${sequence++}`;
    const email = `pix-refund-${n}@example.com`;
    const lead = await registerTestLead(platform.api, email);
    const { cardToken: _none, ...request } = checkoutRequestFor(lead.data!.id, 'no-card', email);
    const checkout = await postCheckout(
      platform.api,
      { ...request, paymentMethod: { type: 'pix' } },
      `pix-${n}`,
    );
    const id = checkout.data!.id;
    made.set(id, false);
    const keys = parseKeyRing(webhookKeys, 'PIX webhook keys');
    expect((await payPixCharge(platform.baseUrl, keys, checkout.data!)).status).toBe(200);
    expect(await waitForOutcome(platform.api, id)).toMatchObject({ status: 'approved' });
    const student = await signIn(email);

    made.set(id, true);
    expect((await seller.refundSale(id, `pix-refund-${n}`)).response.status).toBe(202);
    expect((await seller.refundSale(id, `pix-refund-again-${n}`)).response.status).toBe(202);
    await waitForStatus(id, 'refunded');
    await waitUntil('the enrolment to be revoked', async () =>
      (await enrollmentStatus(student)) === 'revoked' ? true : undefined,
    );
    await expectExactlyOne(email, 'Devolvemos R$\u00a0297,00 por PIX');
    await expectExactlyOne(email, 'seu acesso a ele foi retirado');
    await expectOneRefundPerRefundedCheckout();
  });

  it('refuses a declined checkout with a 409 and a request without the seller key with a 401', async () => {
    const journey = await buyCourse(platform.api, { cardNumber: testCards.declined });
    const id = journey.checkout.data!.id;
    made.set(id, false);
    expect(await waitForOutcome(platform.api, id)).toMatchObject({ status: 'declined' });
    const refused = await seller.refundSale(id, `declined-${id}`);
    expect(refused.response.status).toBe(409);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    const anonymous = await fetch(`${platform.baseUrl}/api/v1/admin/sales/${id}/refund`, {
      method: 'POST',
      headers: { 'Idempotency-Key': `anonymous-${id}` },
    });
    expect(anonymous.status).toBe(401);
    expect((await sendRaw(`${platform.baseUrl}/api/v1/admin/sales`)).response.status).toBe(401);
    await expectOneRefundPerRefundedCheckout();
  });
});

import { randomBytes } from 'node:crypto';
import {
  checkoutRequestFor,
  postCheckout,
  registerTestLead,
  startTestPlatform,
  waitForOutcome,
  type TestPlatform,
} from '@checkout/test-kit';
import { parseKeyRing } from '@checkout/service-kit';
import { hasError, parsePix, PixElementType } from 'pix-utils';
import { payPixCharge } from '../src/pay-pix-charge';

/**
 * PIX on the platform as a user runs it: the BR Code the API answers with, the simulated
 * provider's signed webhook, the approval e-mails, and a charge left unpaid until it expires.
 */
const webhookKeys = `e2e-1:${randomBytes(32).toString('base64')}`;
const pixKey = 'pix@e2e.example.com';
const expirySeconds = 15;
let platform: TestPlatform;
let sequence = 0;

beforeAll(async () => {
  platform = await startTestPlatform({
    PIX_WEBHOOK_KEYS: webhookKeys,
    PIX_KEY: pixKey,
    PIX_EXPIRY_SECONDS: String(expirySeconds),
  });
}, 180_000);

afterAll(() => platform?.stop());

/** A buyer choosing PIX: a lead and a checkout with no card. */
async function checkoutByPix() {
  const n = `${Date.now()}-${sequence++}`;
  const lead = await registerTestLead(platform.api, `pix-student-${n}@example.com`);
  const { cardToken: _none, ...request } = checkoutRequestFor(
    lead.data!.id,
    'no-card',
    `pix-payer-${n}@example.com`,
  );
  const checkout = await postCheckout(
    platform.api,
    { ...request, paymentMethod: { type: 'pix' } },
    `pix-${n}`,
  );
  expect(checkout.response.status).toBe(202);
  return { checkout: checkout.data!, request, lead: lead.data! };
}

const keys = parseKeyRing(webhookKeys, 'PIX webhook keys');
const mailsAbout = (id: string) =>
  platform.sink.emails.filter((e) => e.text.includes(id) || e.html.includes(id));

describe('a PIX checkout', () => {
  it('answers with a BR Code that an independent parser reads back to the course price and the seller’s key', async () => {
    const { checkout } = await checkoutByPix();
    const parsed = parsePix(checkout.pix!.brCode);
    if (hasError(parsed) || parsed.type !== PixElementType.STATIC) throw new Error('no BR Code');
    expect(parsed).toMatchObject({ pixKey, transactionAmount: 297, countryCode: 'BR' });
    expect(checkout).toMatchObject({ status: 'processing', paymentMethod: { type: 'pix' } });
    expect(checkout.pix!.qrCodeSvg).toMatch(/^<svg /);
  });

  it('is approved by the provider’s signed webhook: the student is enrolled and the e-mails go once, a replay changes nothing', async () => {
    const { checkout, request, lead } = await checkoutByPix();
    const paid = await payPixCharge(platform.baseUrl, keys, checkout);
    expect(paid.status).toBe(200);
    expect(await waitForOutcome(platform.api, checkout.id)).toMatchObject({ status: 'approved' });
    const receipt = await platform.sink.waitFor(
      (e) => e.to.includes(request.payer.email) && e.text.includes(checkout.id),
      30_000,
    );
    expect(receipt.text).toContain('Pago com PIX');
    await platform.sink.waitFor((e) => e.to.includes(lead.email), 30_000);

    const replayed = await payPixCharge(platform.baseUrl, keys, checkout, paid.endToEndId);
    expect(replayed.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const enrolments = await platform.sql(
      `select count(*)::int as n from academic.enrollment where course_id = $1 and student_id in
        (select id from academic.student where email = $2)`,
      [request.courseId, lead.email],
    );
    expect(enrolments).toEqual([{ n: 1 }]);
    expect(platform.sink.emails.filter((e) => e.to.includes(request.payer.email))).toHaveLength(1);
    expect(platform.sink.emails.filter((e) => e.to.includes(lead.email))).toHaveLength(1);
  });

  it('refuses an unsigned or wrongly signed webhook with 401, and stays unpaid', async () => {
    const { checkout } = await checkoutByPix();
    const wrongKeys = parseKeyRing(`e2e-1:${randomBytes(32).toString('base64')}`, 'wrong');
    expect((await payPixCharge(platform.baseUrl, wrongKeys, checkout)).status).toBe(401);
    const unsigned = await fetch(`${platform.baseUrl}/api/v1/webhooks/pix`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        pix: [{ endToEndId: 'E1', txid: 'x', valor: '297.00', horario: new Date().toISOString() }],
      }),
    });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { data } = await platform.api.GET('/checkouts/{id}', {
      params: { path: { id: checkout.id } },
    });
    expect(data).toMatchObject({ status: 'processing' });
    expect(mailsAbout(checkout.id)).toEqual([]);
  });

  it('is declined expired when left unpaid, and the payer gets exactly one e-mail saying so', async () => {
    const { checkout, request } = await checkoutByPix();
    const outcome = await waitForOutcome(platform.api, checkout.id, (expirySeconds + 30) * 1000);
    expect(outcome).toMatchObject({ status: 'declined', declineReason: 'expired' });
    const told = await platform.sink.waitFor((e) => e.to.includes(request.payer.email), 30_000);
    expect(told.text).toContain('o PIX não foi pago dentro do prazo');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(platform.sink.emails.filter((e) => e.to.includes(request.payer.email))).toHaveLength(1);
  }, 90_000);
});

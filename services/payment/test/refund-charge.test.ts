import { ChargeRefunded, RefundRequested } from '@checkout/contracts';
import { parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import { eventMessage, startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { createPaymentService, paymentDatabase } from '../src';

/** Refunds against real PostgreSQL: one refund per checkout at the simulator, whatever comes twice. */
let payment: ServiceUnderTest<ServiceRuntime>;

beforeAll(async () => {
  payment = await startServiceUnderTest(
    paymentDatabase,
    (context) =>
      createPaymentService({
        ...context,
        vault: { revealCardNumber: async () => undefined },
        pixWebhookKeys: parseKeyRing(`test-1:${Buffer.alloc(32, 1).toString('base64')}`, 'keys'),
      }),
    [ChargeRefunded.topic],
  );
});
afterAll(() => payment.stop());

const refundRequest = (checkoutId: string, paymentMethod: 'card' | 'pix') =>
  eventMessage(RefundRequested, {
    checkoutId,
    paymentMethod,
    amountCents: 29700,
    currency: 'BRL',
    requestedAt: new Date().toISOString(),
  });

const refundsAtSimulator = (reference: string) =>
  payment.orm.em
    .fork()
    .execute<{ payment_method: string; amount_cents: number }[]>(
      `select payment_method, amount_cents from payment.simulated_refund where reference = ?`,
      [reference],
    );

const reportsFor = (checkoutId: string) =>
  payment.published.filter((m) => (m.data as { checkoutId: string }).checkoutId === checkoutId);

describe('refunding a charge', () => {
  it('refunds and reports once when the same request is delivered twice', async () => {
    const request = refundRequest('r-twice', 'card');
    await payment.bus.publish(request);
    await payment.bus.publish(request);
    await payment.waitForPublished(
      ChargeRefunded.topic,
      (d: { checkoutId: string }) => d.checkoutId === 'r-twice',
    );
    // Reports go out through the outbox in order: once a later one is out, a second copy would be too.
    await payment.bus.publish(refundRequest('r-after-twice', 'card'));
    await payment.waitForPublished(
      ChargeRefunded.topic,
      (d: { checkoutId: string }) => d.checkoutId === 'r-after-twice',
    );
    expect(reportsFor('r-twice')).toHaveLength(1);
    expect(await refundsAtSimulator('r-twice')).toEqual([
      { payment_method: 'card', amount_cents: 29700 },
    ]);
  });

  it('refunds a checkout once when asked twice, and reports the first refund again', async () => {
    await payment.bus.publish(refundRequest('r-asked-twice', 'pix'));
    await payment.bus.publish(refundRequest('r-asked-twice', 'pix'));
    await payment.waitForPublished(
      ChargeRefunded.topic,
      () => reportsFor('r-asked-twice').length === 2,
    );
    expect(await refundsAtSimulator('r-asked-twice')).toEqual([
      { payment_method: 'pix', amount_cents: 29700 },
    ]);
    const [first, second] = reportsFor('r-asked-twice').map((m) => m.data);
    expect(second).toEqual(first);
  });
});

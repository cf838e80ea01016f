import { ChargeAttempted, ChargeRequested } from '@checkout/contracts';
import type { ServiceRuntime } from '@checkout/service-kit';
import { eventMessage, startServiceUnderTest, type ServiceUnderTest } from '@checkout/test-kit';
import { createPaymentService, paymentDatabase } from '../src';

const cards = new Map([
  ['tok_ok', '4242424242424242'],
  ['tok_declined', '4000000000000002'],
  ['tok_transient', '4000000000000119'],
]);
let payment: ServiceUnderTest<ServiceRuntime>;

beforeAll(async () => {
  payment = await startServiceUnderTest(
    paymentDatabase,
    (context) =>
      createPaymentService({ ...context, vault: { revealCardNumber: async (t) => cards.get(t) } }),
    [ChargeAttempted.topic],
  );
});
afterAll(() => payment.stop());

const charge = async (checkoutId: string, cardToken: string, attempt = 1) => {
  await payment.bus.publish(
    eventMessage(ChargeRequested, {
      checkoutId,
      cardToken,
      attempt,
      amountCents: 29700,
      currency: 'BRL',
    }),
  );
  return payment.waitForPublished(
    ChargeAttempted.topic,
    (d: { checkoutId: string; attempt: number }) =>
      d.checkoutId === checkoutId && d.attempt === attempt,
  );
};

describe('charging a card', () => {
  it('reports the acquirer answer for each test card', async () => {
    expect((await charge('c-ok', 'tok_ok')).data).toMatchObject({ outcome: 'approved' });
    expect((await charge('c-declined', 'tok_declined')).data).toMatchObject({
      outcome: 'declined',
      declineReason: 'card_declined',
    });
    expect((await charge('c-transient', 'tok_transient', 1)).data).toMatchObject({
      outcome: 'gateway_error',
    });
    expect((await charge('c-transient', 'tok_transient', 2)).data).toMatchObject({
      outcome: 'approved',
    });
  });

  it('declines a card the vault no longer holds', async () => {
    expect((await charge('c-gone', 'tok_erased')).data).toMatchObject({ outcome: 'declined' });
  });

  it('charges once when the same request is delivered twice', async () => {
    const request = eventMessage(ChargeRequested, {
      checkoutId: 'c-twice',
      cardToken: 'tok_ok',
      attempt: 1,
      amountCents: 29700,
      currency: 'BRL',
    });
    await payment.bus.publish(request);
    await payment.bus.publish(request);
    // Results go out through the outbox in order: once a later one is out, a second copy would be too.
    await charge('c-after-twice', 'tok_ok');
    const results = payment.published.filter(
      (m) => (m.data as { checkoutId: string }).checkoutId === 'c-twice',
    );
    expect(results).toHaveLength(1);
    const rows = await payment.orm.em
      .fork()
      .execute(`select * from payment.gateway_attempt where checkout_id = 'c-twice'`);
    expect(rows).toHaveLength(1);
  });
});

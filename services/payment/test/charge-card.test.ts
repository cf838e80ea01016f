import { ChargeAttempted, ChargeRequested } from '@checkout/contracts';
import { parseKeyRing, type ServiceRuntime } from '@checkout/service-kit';
import {
  eventMessage,
  startServiceUnderTest,
  waitUntil,
  type ServiceUnderTest,
} from '@checkout/test-kit';
import { createPaymentService, paymentDatabase } from '../src';
import { createSimulatedAcquirerGateway } from '../src/adapters/acquirer/simulated-acquirer-gateway';

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
      createPaymentService({
        ...context,
        vault: { revealCardNumber: async (t) => cards.get(t) },
        pixWebhookKeys: parseKeyRing(`test-1:${Buffer.alloc(32, 1).toString('base64')}`, 'keys'),
      }),
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

  const chargesAtAcquirer = async (reference: string) =>
    payment.orm.em
      .fork()
      .execute<{ outcome: string }[]>(
        `select outcome from payment.simulated_acquirer_charge where reference = ?`,
        [reference],
      );

  const acquirerLedger = async (reference: string) =>
    payment.orm.em
      .fork()
      .execute<{ amount_cents: number; installments: number }[]>(
        `select amount_cents, installments from payment.simulated_acquirer_charge where reference = ?`,
        [reference],
      );

  it('asks the acquirer for the total in the number of installments requested', async () => {
    await payment.bus.publish(
      eventMessage(ChargeRequested, {
        checkoutId: 'c-12x',
        cardToken: 'tok_ok',
        attempt: 1,
        amountCents: 33680,
        currency: 'BRL',
        installments: 12,
      }),
    );
    await payment.waitForPublished(
      ChargeAttempted.topic,
      (d: { checkoutId: string }) => d.checkoutId === 'c-12x',
    );
    expect(await acquirerLedger('c-12x')).toEqual([{ amount_cents: 33680, installments: 12 }]);
  });

  it('charges a request that names no installments (from before them) in one payment', async () => {
    await charge('c-one-payment', 'tok_ok');
    expect(await acquirerLedger('c-one-payment')).toEqual([
      { amount_cents: 29700, installments: 1 },
    ]);
  });

  it('charges once when the process fails between the charge and its commit', async () => {
    // The first commit of an attempt fails after the acquirer has charged, as a crash would
    // make it; the redelivery must find the charge by its idempotency key.
    await payment.orm.em.fork().execute(`
      create sequence payment.fault_once;
      create function payment.fail_first_attempt() returns trigger language plpgsql as $$
        begin
          if nextval('payment.fault_once') = 1 then raise exception 'injected fault'; end if;
          return new;
        end $$;
      create trigger fail_first_attempt before insert on payment.gateway_attempt
        for each row when (new.checkout_id = 'c-crash') execute function payment.fail_first_attempt();`);
    const result = await charge('c-crash', 'tok_ok');
    expect(result.data).toMatchObject({ outcome: 'approved' });
    expect(await chargesAtAcquirer('c-crash')).toEqual([{ outcome: 'approved' }]);
    expect(
      payment.published.filter((m) => (m.data as { checkoutId: string }).checkoutId === 'c-crash'),
    ).toHaveLength(1);
  });

  it('reports the first answer again, without charging, when an attempt is requested again', async () => {
    await charge('c-asked-again', 'tok_ok');
    // A new request for the same attempt (the sweeper's), after the vault erased the card.
    const again = eventMessage(ChargeRequested, {
      checkoutId: 'c-asked-again',
      cardToken: 'tok_erased',
      attempt: 1,
      amountCents: 29700,
      currency: 'BRL',
    });
    await payment.bus.publish(again);
    const results = await waitUntil('the second report', () => {
      const found = payment.published.filter(
        (m) => (m.data as { checkoutId: string }).checkoutId === 'c-asked-again',
      );
      return found.length === 2 ? found : undefined;
    });
    expect(results.map((m) => m.data)).toEqual([
      expect.objectContaining({ outcome: 'approved' }),
      expect.objectContaining({ outcome: 'approved' }),
    ]);
    expect(await chargesAtAcquirer('c-asked-again')).toHaveLength(1);
  });

  it.each([
    ['reports the charge of an attempt that was charged', 'c-last-charged', true, 'approved'],
    ['declines, without charging, an attempt never charged', 'c-last-uncharged', false, 'declined'],
  ])('on the last call %s', async (_, checkoutId, chargedBefore, outcome) => {
    // The first request's result was lost before payment recorded it (or it never arrived).
    if (chargedBefore)
      await createSimulatedAcquirerGateway(payment.orm).charge({
        idempotencyKey: `${checkoutId}:1`,
        reference: checkoutId,
        attempt: 1,
        cardNumber: '4242424242424242',
        amountCents: 29700,
        currency: 'BRL',
        installments: 1,
      });
    await payment.bus.publish(
      eventMessage(ChargeRequested, {
        checkoutId,
        cardToken: 'tok_ok',
        attempt: 1,
        amountCents: 29700,
        currency: 'BRL',
        lastCall: true,
      }),
    );
    const result = await payment.waitForPublished(
      ChargeAttempted.topic,
      (d: { checkoutId: string }) => d.checkoutId === checkoutId,
    );
    expect(result.data).toMatchObject({ outcome });
    expect(await chargesAtAcquirer(checkoutId)).toHaveLength(chargedBefore ? 1 : 0);
  });
});

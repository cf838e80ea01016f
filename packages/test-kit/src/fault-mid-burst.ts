import { setTimeout as sleep } from 'node:timers/promises';
import {
  checkoutRequestFor,
  postCheckout,
  registerTestLead,
  testCards,
  tokenizeTestCard,
} from './checkout-journey';
import { expectOneChargePerApprovedCheckout } from './charge-ledger';
import { expectEachCheckoutSettledOnce, type AcceptedCheckout } from './checkout-ledger';
import type { TestPlatform } from './test-platform';

interface Purchase {
  /** Each answer's status, up to the first refused call. */
  statuses: number[];
  accepted?: AcceptedCheckout;
}

/**
 * One buyer's purchase, stopping at the first call that is refused: a buyer whose lead was not
 * registered does not go on to pay.
 */
async function purchase(platform: TestPlatform, cardNumber: string): Promise<Purchase> {
  const n = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const studentEmail = `fault-${n}@example.com`;
  const payerEmail = `fault-payer-${n}@example.com`;
  // Data comes only with a 2xx, and the spec's one 2xx here is 201 (202 for the checkout).
  const lead = await registerTestLead(platform.api, studentEmail);
  if (!lead.data) return { statuses: [lead.response.status] };
  const card = await tokenizeTestCard(platform.api, cardNumber);
  if (!card.data) return { statuses: [lead.response.status, card.response.status] };
  const checkout = await postCheckout(
    platform.api,
    checkoutRequestFor(lead.data.id, card.data.token, payerEmail),
    n,
  );
  const emailTo = cardNumber === testCards.declined ? payerEmail : studentEmail;
  return {
    statuses: [lead.response.status, card.response.status, checkout.response.status],
    ...(checkout.data && { accepted: { id: checkout.data.id, emailTo } }),
  };
}

/**
 * Twelve purchases, one every 100 ms, with approved, declined and transiently failing cards;
 * `fault` strikes as the first checkout is accepted, while the others are half-way through. (A
 * timer could strike before any purchase got past a slow first call.) Then expects what a fault
 * may cost buyers, a 503 (with Retry-After), and nothing else: no other refusal, and a ledger
 * over every accepted checkout with one outcome, one charge if approved and one e-mail.
 */
export async function expectNothingLostAroundFault(
  platform: TestPlatform,
  fault: () => void | Promise<void>,
): Promise<void> {
  const cards = [testCards.approved, testCards.declined, testCards.transient];
  let firstCheckoutAccepted = () => {};
  const oneAccepted = new Promise<void>((resolve) => (firstCheckoutAccepted = resolve));
  const allPurchases = Promise.all(
    Array.from({ length: 12 }, async (_, i) => {
      await sleep(i * 100);
      const outcome = await purchase(platform, cards[i % cards.length] as string);
      if (outcome.accepted) firstCheckoutAccepted();
      return outcome;
    }),
  );
  await Promise.race([oneAccepted, allPurchases]);
  await fault();
  const purchases = await allPurchases;
  expect(purchases.flatMap((p) => p.statuses).filter((s) => s >= 300 && s !== 503)).toEqual([]);
  const accepted = purchases.flatMap((p) => (p.accepted ? [p.accepted] : []));
  expect(accepted.length).toBeGreaterThan(0);
  await expectOneChargePerApprovedCheckout(
    platform.databaseUrl,
    await expectEachCheckoutSettledOnce(platform.api, platform.sink, accepted, {
      timeoutMs: 90_000,
    }),
  );
}

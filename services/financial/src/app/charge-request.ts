import type { ChargeRequested, EventData } from '@checkout/contracts';
import type { Checkout } from '../domain/checkout';

/** The request to charge the checkout's card once more (attempt numbers start at 1). */
export function chargeRequestFor(
  checkout: Checkout,
  attempt: number,
): EventData<typeof ChargeRequested> {
  if (!checkout.cardToken) throw new Error(`checkout ${checkout.id} has no card to charge`);
  return {
    checkoutId: checkout.id,
    cardToken: checkout.cardToken,
    attempt,
    amountCents: checkout.amountCents,
    currency: checkout.currency,
    installments: checkout.installments.count,
  };
}

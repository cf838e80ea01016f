import type { CheckoutApproved, CheckoutDeclined } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { CardStore } from './ports';

/**
 * Once a checkout's charge is final, its card is no longer needed: erase it (again, if
 * redelivered). A checkout paid by PIX had no card.
 */
export async function eraseCardOnFinalCharge(
  store: CardStore,
  { data }: ReceivedEvent<typeof CheckoutApproved | typeof CheckoutDeclined>,
): Promise<void> {
  if (data.cardToken) await store.erase(data.cardToken);
}

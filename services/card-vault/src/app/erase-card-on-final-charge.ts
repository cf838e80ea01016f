import type { CheckoutApproved, CheckoutDeclined } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { CardStore } from './ports';

/** Once a checkout's charge is final, its card is no longer needed: erase it (again, if redelivered). */
export async function eraseCardOnFinalCharge(
  store: CardStore,
  { data }: ReceivedEvent<typeof CheckoutApproved | typeof CheckoutDeclined>,
): Promise<void> {
  await store.erase(data.cardToken);
}

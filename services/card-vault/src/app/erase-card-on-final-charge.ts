import type { CardStore } from './ports';

/** Once a checkout's charge is final, its card is no longer needed: erase it. */
export async function eraseCardOnFinalCharge(
  store: CardStore,
  eventId: string,
  cardToken: string,
): Promise<void> {
  await store.handleOnce(eventId, 'card-vault.erase-card-on-final-charge', () =>
    store.erase(cardToken),
  );
}

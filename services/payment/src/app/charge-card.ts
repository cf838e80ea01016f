import { ChargeAttempted, type ChargeRequested, type EventData } from '@checkout/contracts';
import { askSimulatedAcquirer, type AcquirerAnswer } from '../domain/simulated-acquirer';
import type { CardVault, PaymentStore } from './ports';

export interface ChargeCardDeps {
  store: PaymentStore;
  vault: CardVault;
}

/** A card the vault no longer holds (expired or erased) cannot be charged. */
const cardGone: AcquirerAnswer = { outcome: 'declined', declineReason: 'card_declined' };

/** Charges one attempt of a checkout and reports the acquirer's answer. */
export async function chargeCard(
  { store, vault }: ChargeCardDeps,
  eventId: string,
  request: EventData<typeof ChargeRequested>,
): Promise<void> {
  await store.handleOnce(eventId, 'payment.charge-card', async (tx) => {
    const cardNumber = await vault.revealCardNumber(request.cardToken);
    const answer = cardNumber ? askSimulatedAcquirer(cardNumber, request.attempt) : cardGone;
    tx.recordAttempt({ checkoutId: request.checkoutId, attempt: request.attempt, answer });
    tx.publish(ChargeAttempted, {
      checkoutId: request.checkoutId,
      attempt: request.attempt,
      ...answer,
    });
  });
}

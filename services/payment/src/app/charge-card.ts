import { ChargeAttempted, type ChargeRequested, type EventData } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import type { AcquirerAnswer } from '../domain/simulated-acquirer';
import type { Acquirer, CardVault, PaymentStore } from './ports';

export interface ChargeCardDeps {
  store: PaymentStore;
  vault: CardVault;
  acquirer: Acquirer;
}

type ChargeRequest = EventData<typeof ChargeRequested>;

/** A card the vault no longer holds (expired or erased) cannot be charged. */
const cardGone: AcquirerAnswer = { outcome: 'declined', declineReason: 'card_declined' };
/** The answer to a last call for an attempt that was never charged: it will not be. */
const neverCharged: AcquirerAnswer = { outcome: 'declined', declineReason: 'processing_error' };

export const idempotencyKeyOf = (request: Pick<ChargeRequest, 'checkoutId' | 'attempt'>) =>
  `${request.checkoutId}:${request.attempt}`;

/**
 * The attempt's answer: the one already recorded, or the acquirer's for the attempt's key. A
 * charge under a key already charged (a crash came between the charge and our commit) gives the
 * first answer again, so the acquirer is only asked without charging on the sweeper's last call
 * and when the vault no longer has the card.
 */
async function answerFor(
  { store, vault, acquirer }: ChargeCardDeps,
  request: ChargeRequest,
): Promise<AcquirerAnswer> {
  const idempotencyKey = idempotencyKeyOf(request);
  const recorded = await store.findAttempt(request.checkoutId, request.attempt);
  if (recorded) return recorded;
  if (request.lastCall) return (await acquirer.findCharge(idempotencyKey)) ?? neverCharged;
  const cardNumber = await vault.revealCardNumber(request.cardToken);
  if (!cardNumber) return (await acquirer.findCharge(idempotencyKey)) ?? cardGone;
  return acquirer.charge({
    idempotencyKey,
    reference: request.checkoutId,
    attempt: request.attempt,
    cardNumber,
    amountCents: request.amountCents,
    currency: request.currency,
    // Requests from before installments were one payment.
    installments: request.installments ?? 1,
  });
}

/**
 * Charges one attempt of a checkout and reports the answer. The acquirer is asked outside any
 * transaction, under a key per attempt, so a redelivered or repeated request never charges twice;
 * a repeated request (the sweeper's) reports the first answer again.
 */
export async function chargeCard(
  deps: ChargeCardDeps,
  { data: request, ...delivery }: ReceivedEvent<typeof ChargeRequested>,
): Promise<void> {
  const answer = await answerFor(deps, request);
  await deps.store.handleOnce(delivery, async (tx) => {
    const { checkoutId, attempt } = request;
    const recorded = await tx.recordAttempt({ checkoutId, attempt, answer });
    tx.publish(ChargeAttempted, { checkoutId, cardToken: request.cardToken, attempt, ...recorded });
  });
}

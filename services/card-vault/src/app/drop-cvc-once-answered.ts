import type { ChargeAttempted } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import { openCard, sealCard, type KeyRing } from '../domain/card-cipher';
import type { CardStore } from './ports';

/**
 * Once the acquirer has answered an attempt (approved or declined), the CVC has served its
 * purpose: the card is sealed again without it. A gateway error keeps it for the retry.
 */
export async function dropCvcOnceAnswered(
  { store, keys }: { store: CardStore; keys: KeyRing },
  { data: attempt, ...delivery }: ReceivedEvent<typeof ChargeAttempted>,
): Promise<void> {
  const token = attempt.cardToken;
  if (!token || attempt.outcome === 'gateway_error') return;
  await store.handleOnce(delivery, async () => {
    const record = await store.find(token);
    if (!record) return;
    const { cvc, ...rest } = openCard(record.sealed, token, keys);
    if (cvc !== undefined) await store.reseal(token, sealCard(rest, token, keys.current));
  });
}

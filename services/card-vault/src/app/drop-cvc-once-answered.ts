import type { ChargeAttempted } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import { openCard, sealCard, type KeyRing } from '../domain/card-cipher';
import type { CardStore } from './ports';

/**
 * Once the acquirer has answered an attempt (approved or declined), the CVC has served its
 * purpose: the card is sealed again without it. A gateway error keeps it for the retry. Once
 * gone the CVC never comes back, so a redelivery finds nothing to do.
 */
export async function dropCvcOnceAnswered(
  { store, keys }: { store: CardStore; keys: KeyRing },
  { data: attempt }: ReceivedEvent<typeof ChargeAttempted>,
): Promise<void> {
  const token = attempt.cardToken;
  if (!token || attempt.outcome === 'gateway_error') return;
  const record = await store.find(token);
  if (!record) return;
  const { cvc, ...rest } = openCard(record.sealed, token, keys);
  if (cvc !== undefined) await store.reseal(token, sealCard(rest, token, keys.current));
}

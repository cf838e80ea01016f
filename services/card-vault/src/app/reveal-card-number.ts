import { openCard, type KeyRing } from '../domain/card-cipher';
import type { CardStore } from './ports';

/** For the payment service only: the number behind a token, if the vault still holds it. */
export async function revealCardNumber(
  { store, keys }: { store: CardStore; keys: KeyRing },
  token: string,
): Promise<string | undefined> {
  const record = await store.find(token);
  return record ? openCard(record.sealed, token, keys).number : undefined;
}

import type { DaprClient } from '@dapr/dapr';
import type { TransactionRunner } from '@checkout/service-kit';
import type { CardRecord, CardStore } from '../../app/ports';

/** How a sealed card sits in the state store: the ciphertext as base64, nothing in clear. */
interface StoredCard extends Omit<CardRecord, 'sealed' | 'expiresAt'> {
  keyId: string;
  ciphertext: string;
  expiresAt: string;
}

/**
 * Sealed cards in a Dapr state store (state.postgresql v2 in our resources) with a TTL, so a
 * card that is never charged disappears by itself. The inbox stays in the service's database.
 */
export function createDaprCardStore(
  client: DaprClient,
  storeName: string,
  transactions: TransactionRunner,
): CardStore {
  return {
    save: async ({ sealed, expiresAt, ...card }) => {
      const value: StoredCard = {
        ...card,
        keyId: sealed.keyId,
        ciphertext: sealed.ciphertext.toString('base64'),
        expiresAt: expiresAt.toISOString(),
      };
      const ttlInSeconds = Math.max(1, Math.ceil((expiresAt.getTime() - Date.now()) / 1000));
      const response = await client.state.save(storeName, [
        { key: card.token, value, metadata: { ttlInSeconds: String(ttlInSeconds) } },
      ]);
      if (response.error) throw response.error;
    },
    find: async (token) => {
      const value = (await client.state.get(storeName, token)) as StoredCard | '' | undefined;
      if (!value || new Date(value.expiresAt) <= new Date()) return undefined;
      const { keyId, ciphertext, expiresAt, ...card } = value;
      return {
        ...card,
        expiresAt: new Date(expiresAt),
        sealed: { keyId, ciphertext: Buffer.from(ciphertext, 'base64') },
      };
    },
    erase: async (token) => {
      const response = await client.state.delete(storeName, token);
      if (response.error) throw response.error;
    },
    handleOnce: async (eventId, consumer, work) => {
      // The erase is idempotent by itself; the inbox only saves repeating it.
      await transactions.runOnce(eventId, consumer, work);
    },
  };
}

import { createHash } from 'node:crypto';
import type { DaprClient } from '@dapr/dapr';
import type { CardRecord, CardStore } from '../../app/ports';

/** How a sealed card sits in the state store: the ciphertext as base64, nothing in clear. */
interface StoredCard extends Omit<CardRecord, 'sealed' | 'expiresAt'> {
  keyId: string;
  ciphertext: string;
  expiresAt: string;
}

/**
 * The state key of a card: a hash of its token, never the token, which would otherwise travel in
 * the sidecar's URLs and so in its traces and logs (and sit in clear in the store's key column).
 */
const keyOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sealed cards in a Dapr state store (state.postgresql v2 in our resources) with a TTL, so a
 * card that is never charged disappears by itself.
 */
export function createDaprCardStore(client: DaprClient, storeName: string): CardStore {
  const find: CardStore['find'] = async (token) => {
    const value = (await client.state.get(storeName, keyOf(token))) as StoredCard | '' | undefined;
    if (!value || new Date(value.expiresAt) <= new Date()) return undefined;
    const { keyId, ciphertext, expiresAt, ...card } = value;
    return {
      ...card,
      expiresAt: new Date(expiresAt),
      sealed: { keyId, ciphertext: Buffer.from(ciphertext, 'base64') },
    };
  };
  /** Writes the card with what is left of its TTL; with an etag, only over that very version. */
  const write = async (value: StoredCard, etag?: string) => {
    const ttlInSeconds = Math.ceil((new Date(value.expiresAt).getTime() - Date.now()) / 1000);
    return client.state.save(storeName, [
      {
        key: keyOf(value.token),
        value,
        metadata: { ttlInSeconds: String(Math.max(1, ttlInSeconds)) },
        ...(etag && { etag }),
      },
    ]);
  };
  return {
    save: async ({ sealed, expiresAt, ...card }) => {
      const response = await write({
        ...card,
        keyId: sealed.keyId,
        ciphertext: sealed.ciphertext.toString('base64'),
        expiresAt: expiresAt.toISOString(),
      });
      if (response.error) throw response.error;
    },
    find,
    reseal: async (token, sealed) => {
      const [stored] = (await client.state.getBulk(storeName, [keyOf(token)])) as {
        data?: StoredCard | '';
        etag?: string;
      }[];
      if (!stored?.data || !stored.etag) return;
      const ciphertext = sealed.ciphertext.toString('base64');
      const response = await write(
        { ...stored.data, keyId: sealed.keyId, ciphertext },
        stored.etag,
      );
      // The etag no longer matches when the card was erased meanwhile: then it must stay erased.
      if (response.error && (await find(token))) throw response.error;
    },
    // state.postgresql deletes expired rows itself, every cleanupInterval (card-vault-state.yaml).
    eraseExpired: async () => {},
    erase: async (token) => {
      const response = await client.state.delete(storeName, keyOf(token));
      if (response.error) throw response.error;
    },
  };
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What only the vault and, on reveal, payment ever see in clear. */
export interface CardSecret {
  number: string;
  /** Gone once the acquirer has answered an attempt: a card is never kept with its CVC longer. */
  cvc?: string;
  holderName: string;
}

export interface EncryptionKey {
  id: string;
  /** 32 bytes for AES-256. */
  key: Buffer;
}

export interface SealedCard {
  keyId: string;
  /** 12-byte IV, 16-byte GCM tag, then the ciphertext. */
  ciphertext: Buffer;
}

/**
 * Keys by id; the current one seals new cards, older ones still open the cards they sealed (the
 * service kit's `parseKeyRing` reads them from the secret store).
 */
export interface KeyRing {
  current: EncryptionKey;
  find(id: string): EncryptionKey | undefined;
}

/** AES-256-GCM; the token is bound as associated data, so a ciphertext cannot be moved to another token. */
export function sealCard(
  secret: CardSecret,
  token: string,
  { id, key }: EncryptionKey,
): SealedCard {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(token));
  const body = Buffer.concat([cipher.update(JSON.stringify(secret), 'utf8'), cipher.final()]);
  return { keyId: id, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]) };
}

export function openCard(sealed: SealedCard, token: string, keys: KeyRing): CardSecret {
  const key = keys.find(sealed.keyId);
  if (!key) throw new Error(`card key ${sealed.keyId} is not in the key ring`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.ciphertext.subarray(0, 12));
  decipher.setAAD(Buffer.from(token)).setAuthTag(sealed.ciphertext.subarray(12, 28));
  const clear = Buffer.concat([decipher.update(sealed.ciphertext.subarray(28)), decipher.final()]);
  return JSON.parse(clear.toString('utf8')) as CardSecret;
}

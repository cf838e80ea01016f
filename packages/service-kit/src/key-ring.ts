/** A 32-byte AES-256 key and the id stored beside what it sealed. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** Keys by id: the current one seals, every one still opens what it sealed, so keys can rotate. */
export interface KeyRing {
  current: EncryptionKey;
  find(id: string): EncryptionKey | undefined;
}

/**
 * Reads keys from the secret store, written `id:base64,id:base64` (32 bytes each), the current
 * one first. `what` names them in the error (`card encryption keys`).
 */
export function parseKeyRing(value: string, what: string): KeyRing {
  const keys = value.split(',').map((entry) => {
    const [id, material] = entry.trim().split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!id || key.length !== 32) throw new Error(`${what} must be id:base64 of 32 bytes`);
    return { id, key };
  });
  const [current] = keys;
  if (!current) throw new Error(`${what}: at least one key is required`);
  return { current, find: (id) => keys.find((key) => key.id === id) };
}

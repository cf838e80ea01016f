import type { EncryptionKey, KeyRing } from '../../domain/card-cipher';

/**
 * Reads keys written as `id:base64,id:base64` (32 bytes each). The first key seals new cards;
 * the others stay to open cards sealed before a rotation.
 */
export function parseKeyRing(value: string): KeyRing {
  const keys: EncryptionKey[] = value.split(',').map((entry) => {
    const [id, material] = entry.trim().split(':');
    const key = Buffer.from(material ?? '', 'base64');
    if (!id || key.length !== 32)
      throw new Error('card encryption keys must be id:base64 of 32 bytes');
    return { id, key };
  });
  const [current] = keys;
  if (!current) throw new Error('at least one card encryption key is required');
  return { current, find: (id) => keys.find((key) => key.id === id) };
}

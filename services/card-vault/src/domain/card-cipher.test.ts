import { randomBytes } from 'node:crypto';
import { openCard, sealCard, type KeyRing } from './card-cipher';

const oldKey = { id: 'k1', key: randomBytes(32) };
const newKey = { id: 'k2', key: randomBytes(32) };
const ring: KeyRing = { current: newKey, find: (id) => [oldKey, newKey].find((k) => k.id === id) };
const secret = { number: '4242424242424242', cvc: '123', holderName: 'Ana Souza' };

describe('card sealing', () => {
  it('round-trips a card and never leaves the number in the ciphertext', () => {
    const sealed = sealCard(secret, 'tok_1', newKey);
    expect(sealed.ciphertext.toString('latin1')).not.toContain(secret.number);
    expect(openCard(sealed, 'tok_1', ring)).toEqual(secret);
  });

  it('opens cards sealed with an older key after rotation', () => {
    expect(openCard(sealCard(secret, 'tok_1', oldKey), 'tok_1', ring)).toEqual(secret);
  });

  it('refuses a ciphertext moved to another token', () => {
    expect(() => openCard(sealCard(secret, 'tok_1', newKey), 'tok_2', ring)).toThrow();
  });
});

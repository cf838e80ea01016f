import { parseKeyRing } from '../key-ring';
import { openToken, sealToken } from './sealed-token';

const key = (id: string, fill: number) => `${id}:${Buffer.alloc(32, fill).toString('base64')}`;
const keys = parseKeyRing(key('k-1', 1), 'token keys');

describe('sealed tokens', () => {
  it('open to the token they sealed, which never appears in the sealed form', () => {
    const sealed = sealToken('secret-activation-token', 'student-1', keys);
    expect(sealed).not.toContain('secret-activation-token');
    expect(sealed.startsWith('k-1.')).toBe(true);
    expect(openToken(sealed, 'student-1', keys)).toBe('secret-activation-token');
  });

  it('seal the same token differently each time', () => {
    expect(sealToken('t', 's', keys)).not.toBe(sealToken('t', 's', keys));
  });

  it('do not open for another student or after tampering', () => {
    const sealed = sealToken('secret', 'student-1', keys);
    expect(() => openToken(sealed, 'student-2', keys)).toThrow();
    const last = sealed.at(-2) === 'A' ? 'B' : 'A';
    expect(() =>
      openToken(`${sealed.slice(0, -2)}${last}${sealed.at(-1)}`, 'student-1', keys),
    ).toThrow();
  });

  it('still open with an older key after a rotation, and new ones use the first key', () => {
    const sealedBefore = sealToken('secret', 's', keys);
    const rotated = parseKeyRing(`${key('k-2', 2)},${key('k-1', 1)}`, 'token keys');
    expect(openToken(sealedBefore, 's', rotated)).toBe('secret');
    expect(sealToken('secret', 's', rotated).startsWith('k-2.')).toBe(true);
    expect(() => openToken(sealedBefore, 's', parseKeyRing(key('k-2', 2), 'token keys'))).toThrow(
      /k-1/,
    );
  });

  it('refuse a malformed key ring', () => {
    expect(() => parseKeyRing('k-1:c2hvcnQ=', 'token keys')).toThrow(/32 bytes/);
  });
});

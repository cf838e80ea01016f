import { randomBytes, scryptSync } from 'node:crypto';
import { checkPassword, hashPassword, hashToken, newSecretToken } from './secrets';

/** A hash as the first releases stored it: Node's default scrypt cost (N = 2^14, r = 8, p = 1). */
function legacyHash(password: string) {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString('base64')}:${scryptSync(password, salt, 32).toString('base64')}`;
}

describe('secrets', () => {
  it('makes tokens of at least 128 random bits, stored only as their hash', () => {
    const { token, hash } = newSecretToken();
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(newSecretToken().token).not.toBe(token);
  });

  it("hashes passwords with scrypt at OWASP's cost, stated in the hash", async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$ln=17,r=8,p=1\$[\w+/]{22}==\$[\w+/]{43}=$/);
    expect(stored).not.toContain('correct horse battery');
    expect(await hashPassword('correct horse battery')).not.toBe(stored);
  });

  it('recognises the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    await expect(checkPassword('correct horse battery', stored)).resolves.toEqual({
      matches: true,
      needsRehash: false,
    });
    await expect(checkPassword('wrong', stored)).resolves.toEqual({
      matches: false,
      needsRehash: false,
    });
  });

  it('still recognises a password hashed at the old cost, and asks for a new hash', async () => {
    const stored = legacyHash('an old secret');
    await expect(checkPassword('an old secret', stored)).resolves.toEqual({
      matches: true,
      needsRehash: true,
    });
    await expect(checkPassword('wrong', stored)).resolves.toMatchObject({ matches: false });
  });

  it('matches no password when there is no hash, yet does the work of one', async () => {
    const started = performance.now();
    await expect(checkPassword('', undefined)).resolves.toEqual({
      matches: false,
      needsRehash: false,
    });
    const withoutHash = performance.now() - started;
    expect(await checkPassword('anything', 'not a hash')).toMatchObject({ matches: false });
    // The current cost takes hundreds of milliseconds; a skipped derivation would take none.
    expect(withoutHash).toBeGreaterThan(50);
  });
});

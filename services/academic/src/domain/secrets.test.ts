import { hashPassword, hashToken, newSecretToken, passwordMatches } from './secrets';

describe('secrets', () => {
  it('makes tokens of at least 128 random bits, stored only as their hash', () => {
    const { token, hash } = newSecretToken();
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(newSecretToken().token).not.toBe(token);
  });

  it('recognises the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).not.toContain('correct horse battery');
    await expect(passwordMatches('correct horse battery', stored)).resolves.toBe(true);
    await expect(passwordMatches('wrong', stored)).resolves.toBe(false);
  });
});

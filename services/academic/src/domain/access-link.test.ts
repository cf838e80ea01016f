import { accessLinkExpiry, accessLinkPurpose } from './access-link';

describe('access links', () => {
  it('activate the access of a student with no password yet', () => {
    expect(accessLinkPurpose({})).toBe('activation');
  });

  it('reset the password of a student who has one', () => {
    expect(accessLinkPurpose({ passwordHash: 'scrypt:salt:hash' })).toBe('password-reset');
  });

  it('expire 24 hours after they are issued', () => {
    const issuedAt = new Date('2030-01-01T10:00:00Z');
    expect(accessLinkExpiry(issuedAt)).toEqual(new Date('2030-01-02T10:00:00Z'));
  });
});

import type { AccessLinkPurpose } from '@checkout/contracts';
import type { Student } from './student';

/** How long an activation or password-reset link works after it is issued. */
export const accessLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** A new link activates the access until the student has set a password, then resets it. */
export const accessLinkPurpose = (student: Pick<Student, 'passwordHash'>): AccessLinkPurpose =>
  student.passwordHash ? 'password-reset' : 'activation';

export const accessLinkExpiry = (issuedAt: Date): Date =>
  new Date(issuedAt.getTime() + accessLinkLifetimeMs);

import type { Language } from '@checkout/contracts';

export interface Student {
  id: string;
  name: string;
  email: string;
  passwordHash?: string;
  /** The language of their latest checkout; their e-mails are written in it. */
  language?: Language;
}

/** `revoked`: the purchase was refunded; the student keeps the account, not the course. */
export type EnrollmentStatus = 'active' | 'revoked';

export interface Enrollment {
  courseId: string;
  status: EnrollmentStatus;
  enrolledAt: Date;
}

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

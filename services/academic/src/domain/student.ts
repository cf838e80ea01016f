import type { Language } from '@checkout/contracts';

export interface Student {
  id: string;
  name: string;
  email: string;
  passwordHash?: string;
  /** The language of their latest checkout; their e-mails are written in it. */
  language?: Language;
}

export interface Enrollment {
  courseId: string;
  status: 'active';
  enrolledAt: Date;
}

export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface Student {
  id: string;
  name: string;
  email: string;
  passwordHash?: string;
}

export interface Enrollment {
  courseId: string;
  status: 'active';
  enrolledAt: Date;
}

export const activationLifetimeMs = 24 * 60 * 60 * 1000;
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

import type { Inbox, Transaction } from '@checkout/service-kit';
import type { Enrollment, Student } from '../domain/student';

export interface AcademicTransaction {
  findStudentByEmail(email: string): Promise<Student | undefined>;
  addStudent(student: Student): void;
  addEnrollment(studentId: string, courseId: string): Promise<boolean>;
  addActivation(activation: { tokenHash: string; studentId: string; expiresAt: Date }): void;
  /** Marks an unexpired, unused activation as used and returns its student, in one step. */
  useActivation(tokenHash: string, now: Date): Promise<string | undefined>;
  setPassword(studentId: string, passwordHash: string): Promise<void>;
  publish: Transaction['publish'];
}

export interface AcademicStore extends Inbox<AcademicTransaction> {
  transaction<R>(work: (tx: AcademicTransaction) => Promise<R>): Promise<R>;
  findStudentByEmail(email: string): Promise<Student | undefined>;
  addSession(session: { tokenHash: string; studentId: string; expiresAt: Date }): Promise<void>;
  findSessionStudent(tokenHash: string, now: Date): Promise<string | undefined>;
  listEnrollments(studentId: string): Promise<Enrollment[]>;
}

/** Seals an activation token so that only notification can open it, bound to the student. */
export interface ActivationTokenSealer {
  seal(token: string, studentId: string): string;
}

import type { Language } from '@checkout/contracts';
import type { Inbox, Transaction } from '@checkout/service-kit';
import type { Enrollment, Student } from '../domain/student';

export interface AcademicTransaction {
  /** Locks the student's row until the transaction ends: links for one student are issued in turn. */
  findStudentByEmail(email: string): Promise<Student | undefined>;
  addStudent(student: Student): Promise<void>;
  setLanguage(studentId: string, language: Language): Promise<void>;
  /** Enrols the student, or again if their enrolment was revoked; false when enrolled already. */
  addEnrollment(studentId: string, courseId: string): Promise<boolean>;
  /** Revokes the student's active enrolment in the course: false when there is none. */
  revokeEnrollment(studentId: string, courseId: string, at: Date): Promise<boolean>;
  /**
   * The student's one valid link from now on (activation and password reset alike, kept as the
   * hash of its token): every unused earlier link of theirs stops working.
   */
  replaceUnusedLinks(activation: {
    tokenHash: string;
    studentId: string;
    expiresAt: Date;
  }): Promise<void>;
  /** Marks an unexpired, unused link as used and returns its student, in one step. */
  useActivation(tokenHash: string, now: Date): Promise<string | undefined>;
  setPassword(studentId: string, passwordHash: string): Promise<void>;
  /** Signs the student out everywhere. */
  endSessions(studentId: string): Promise<void>;
  publish: Transaction['publish'];
}

export interface AcademicStore extends Inbox<AcademicTransaction> {
  transaction<R>(work: (tx: AcademicTransaction) => Promise<R>): Promise<R>;
  findStudentByEmail(email: string): Promise<Student | undefined>;
  /** Stores a new hash of the same password, unless the password changed since `previous` was read. */
  replacePasswordHash(studentId: string, previous: string, next: string): Promise<void>;
  addSession(session: { tokenHash: string; studentId: string; expiresAt: Date }): Promise<void>;
  findSessionStudent(tokenHash: string, now: Date): Promise<string | undefined>;
  /** Ends one unexpired session; false if there is none under this hash. */
  endSession(tokenHash: string, now: Date): Promise<boolean>;
  listEnrollments(studentId: string): Promise<Enrollment[]>;
}

/** Seals an activation token so that only notification can open it, bound to the student. */
export interface ActivationTokenSealer {
  seal(token: string, studentId: string): string;
}

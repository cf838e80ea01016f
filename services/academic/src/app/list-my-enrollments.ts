import { hashToken } from '../domain/secrets';
import type { Enrollment } from '../domain/student';
import type { AcademicStore } from './ports';

/** The enrolments of the student holding this access token, or undefined if it is not valid. */
export async function listMyEnrollments(
  store: AcademicStore,
  accessToken: string,
  now = new Date(),
): Promise<Enrollment[] | undefined> {
  const studentId = await store.findSessionStudent(hashToken(accessToken), now);
  return studentId ? store.listEnrollments(studentId) : undefined;
}

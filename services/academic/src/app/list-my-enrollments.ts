import { hashToken } from '../domain/secrets';
import type { Enrollment } from '../domain/student';
import type { AcademicStore } from './ports';

export interface ListMyEnrollmentsFailure {
  reason: 'invalid_access_token';
}

export type ListMyEnrollmentsResult =
  { ok: true; enrollments: Enrollment[] } | ({ ok: false } & ListMyEnrollmentsFailure);

/** The enrolments of the student holding this access token; a missing token is not valid either. */
export async function listMyEnrollments(
  store: AcademicStore,
  accessToken: string | undefined,
  now = new Date(),
): Promise<ListMyEnrollmentsResult> {
  const studentId = accessToken && (await store.findSessionStudent(hashToken(accessToken), now));
  if (!studentId) return { ok: false, reason: 'invalid_access_token' };
  return { ok: true, enrollments: await store.listEnrollments(studentId) };
}

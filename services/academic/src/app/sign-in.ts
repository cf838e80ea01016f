import { newSecretToken, passwordMatches } from '../domain/secrets';
import { sessionLifetimeMs } from '../domain/student';
import type { AcademicStore } from './ports';

export interface SignInFailure {
  reason: 'wrong_credentials';
}

export type SignInResult =
  { ok: true; accessToken: string; expiresAt: Date } | ({ ok: false } & SignInFailure);

export async function signIn(
  store: AcademicStore,
  request: { email: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const student = await store.findStudentByEmail(request.email.toLowerCase());
  if (!student?.passwordHash || !(await passwordMatches(request.password, student.passwordHash))) {
    return { ok: false, reason: 'wrong_credentials' };
  }
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await store.addSession({ tokenHash: hash, studentId: student.id, expiresAt });
  return { ok: true, accessToken: token, expiresAt };
}

import { checkPassword, hashPassword, newSecretToken } from '../domain/secrets';
import { sessionLifetimeMs } from '../domain/student';
import type { AcademicStore } from './ports';

export interface SignInFailure {
  reason: 'wrong_credentials';
}

export type SignInResult =
  { ok: true; accessToken: string; expiresAt: Date } | ({ ok: false } & SignInFailure);

/**
 * An unknown e-mail and a student without a password are checked against a stand-in hash, so that
 * the answer takes as long as a wrong password's and does not tell who is a student.
 */
export async function signIn(
  store: AcademicStore,
  request: { email: string; password: string },
  now = new Date(),
): Promise<SignInResult> {
  const student = await store.findStudentByEmail(request.email.toLowerCase());
  const check = await checkPassword(request.password, student?.passwordHash);
  if (!student?.passwordHash || !check.matches) return { ok: false, reason: 'wrong_credentials' };
  if (check.needsRehash) {
    const rehashed = await hashPassword(request.password);
    await store.replacePasswordHash(student.id, student.passwordHash, rehashed);
  }
  const { token, hash } = newSecretToken();
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
  await store.addSession({ tokenHash: hash, studentId: student.id, expiresAt });
  return { ok: true, accessToken: token, expiresAt };
}

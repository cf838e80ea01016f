import { hashPassword, hashToken } from '../domain/secrets';
import type { AcademicStore } from './ports';

export interface ActivateAccessFailure {
  reason: 'invalid_token';
}

export type ActivateAccessResult = { ok: true } | ({ ok: false } & ActivateAccessFailure);

/** Sets the student's first password with the one-time token from the access e-mail. */
export async function activateAccess(
  store: AcademicStore,
  request: { token: string; password: string },
  now = new Date(),
): Promise<ActivateAccessResult> {
  const passwordHash = await hashPassword(request.password);
  return store.transaction(async (tx) => {
    const studentId = await tx.useActivation(hashToken(request.token), now);
    if (!studentId) return { ok: false, reason: 'invalid_token' };
    await tx.setPassword(studentId, passwordHash);
    return { ok: true };
  });
}

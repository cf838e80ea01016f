import { hashPassword, hashToken } from '../domain/secrets';
import type { AcademicStore } from './ports';

export interface ActivateAccessFailure {
  reason: 'invalid_token';
}

export type ActivateAccessResult = { ok: true } | ({ ok: false } & ActivateAccessFailure);

/**
 * Sets the student's password with the one-time token of an activation or password-reset link,
 * and signs them out everywhere: whoever held a session under the old password holds none now.
 */
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
    await tx.endSessions(studentId);
    return { ok: true };
  });
}

import { hashToken } from '../domain/secrets';
import type { AcademicStore } from './ports';

export interface SignOutFailure {
  reason: 'invalid_access_token';
}

export type SignOutResult = { ok: true } | ({ ok: false } & SignOutFailure);

/** Ends the session of this access token: it stops working at once, on every replica. */
export async function signOut(
  store: AcademicStore,
  accessToken: string | undefined,
  now = new Date(),
): Promise<SignOutResult> {
  if (accessToken && (await store.endSession(hashToken(accessToken), now))) return { ok: true };
  return { ok: false, reason: 'invalid_access_token' };
}

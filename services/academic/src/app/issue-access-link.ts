import { accessLinkExpiry } from '../domain/access-link';
import { newSecretToken } from '../domain/secrets';
import type { AcademicTransaction, ActivationTokenSealer } from './ports';

/**
 * Issues a fresh single-use link for the student, in the transaction that will announce it, and
 * returns its token sealed for notification. Every earlier unused link of theirs stops working,
 * so only the newest e-mail's link can set a password. Academic keeps only the token's hash.
 */
export async function issueAccessLink(
  tx: AcademicTransaction,
  sealer: ActivationTokenSealer,
  studentId: string,
  now: Date,
): Promise<string> {
  const secret = newSecretToken();
  await tx.replaceUnusedLinks({
    tokenHash: secret.hash,
    studentId,
    expiresAt: accessLinkExpiry(now),
  });
  return sealer.seal(secret.token, studentId);
}

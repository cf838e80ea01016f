import type { ApiSchemas } from '@checkout/contracts';
import { failureBackoff, type Database, type FailureLimit } from '@checkout/service-kit';
import type { SignInLimits } from '../../config';

/**
 * The back-offs of POST /sessions, in the order they are admitted: the client's first, so that a
 * client already refused adds nothing to an account's count. The client is Express's req.ip.
 */
export function createSignInLimits(orm: Database, limits: SignInLimits): FailureLimit[] {
  const backoff = {
    backoffSeconds: limits.backoffSeconds,
    maxBackoffSeconds: limits.maxBackoffSeconds,
    memorySeconds: limits.failureMemorySeconds,
  };
  const perClient = { name: 'sign-in-client', freeFailures: limits.failuresPerClient };
  const perAccount = { name: 'sign-in-account', freeFailures: limits.failuresPerAccount };
  return [
    failureBackoff(orm, { ...perClient, ...backoff, resetOnSuccess: false }, (req) =>
      String(req.ip),
    ),
    // Unknown addresses count too, so that a 429 tells nothing about who is a student.
    failureBackoff(orm, { ...perAccount, ...backoff, resetOnSuccess: true }, (req) =>
      (req.body as ApiSchemas['SessionRequest']).email.toLowerCase(),
    ),
  ];
}
